"""TEX4IM intelligence service: regions, clusters, organisations and opportunities."""
