"""The forecast for the day of the occasion at the user's city (Open-Meteo), as one prompt line.
Telegram-free."""
