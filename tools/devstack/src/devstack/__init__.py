"""Developer tooling: embedded PostgreSQL, migrations, demo data and the one-machine process supervisor."""
