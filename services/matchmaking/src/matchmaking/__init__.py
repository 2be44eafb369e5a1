"""TEX4IM matchmaking service: B2B and C2C events, meetings and scheduling."""
