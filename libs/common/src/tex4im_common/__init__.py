"""Domain-free kernel shared by the TEX4IM services.

Settings, database session, problem errors, identity tokens, pagination, health, logging.
"""
