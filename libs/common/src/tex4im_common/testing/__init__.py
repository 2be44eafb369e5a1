"""Pytest fixtures shared by every package: a real PostgreSQL, migrated, with one rolled-back transaction per test.

A package's `tests/conftest.py` defines a `service_spec` fixture and imports these fixtures with
`from tex4im_common.testing.fixtures import *`.
"""
