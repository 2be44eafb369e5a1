"""TEX4IM gateway: identity, the one door to the services, the SPA."""
