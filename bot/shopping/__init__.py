"""Products worth buying for what an answer says the user lacks (its ➕ lines): a catalog
the operator provides, ranked by keyword relevance, or a web search provider. Telegram-free."""
