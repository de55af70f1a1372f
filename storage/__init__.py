"""Everything Coordi keeps, in Redis: the bottom of the import order (it imports no
other Coordi package).

`records` are the stored shapes (photos, history, wardrobe cards), `keys` every key
name, `connection` the client (a single server or a Redis Cluster, found out from the
URL; `cluster_client` makes the cluster one wait out a failover), `chat_store` a
chat's photos and conversation, `ledger` usage and feedback, `limits` abuse counters,
`coordination` what workers agree on (update dedupe, albums, the per-chat queue),
`telegram_budget` the shared Telegram send budget, and `citations` how answers refer
to photos ("[3]").
"""
