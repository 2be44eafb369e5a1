"""Readers that turn an uploaded file or feed into candidate opportunities; `registry.ADAPTERS` names them."""
