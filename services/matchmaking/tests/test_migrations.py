from tex4im_common.testing.migrations import MigrationChecks


class TestMigrations(MigrationChecks):
    """Up, down and up again on an empty database; the models and the migrations agree."""
