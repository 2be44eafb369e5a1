"""Domain-free kernel shared by the TEX4IM services: settings, database session, problem errors, identity tokens, pagination, health, logging."""
