"""The model: a streaming Chat Completions client for any OpenAI-compatible server
(`client`) and what its tokens cost (`pricing`)."""
