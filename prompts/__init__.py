"""What the model is told: the system prompts (`system.md`, `system.b.md`), the analysis
and judge instructions, the request builder, wardrobe-card parsing, token estimates,
the leak guard and the answer language. Imports `storage` records only, never `bot`.
"""
