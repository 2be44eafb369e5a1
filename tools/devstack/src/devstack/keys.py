"""The identity signing key pair and the service clients' secrets of a local installation, made once and kept
in the data folder."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from tex4im_common.identity import generate_private_key_pem, public_key_pem_from_private


def ensure_key_pair(directory: Path) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    private, public = directory / "identity-ed25519.pem", directory / "identity-ed25519.pub.pem"
    if not private.exists():
        pem = generate_private_key_pem()
        private.write_text(pem)
        os.chmod(private, 0o600)
        public.write_text(public_key_pem_from_private(pem))
    return private, public


def ensure_service_client_secrets(directory: Path, clients: tuple[str, ...]) -> dict[str, str]:
    """A secret per service client (the services' own sign-in at the gateway), made once per data folder."""
    directory.mkdir(parents=True, exist_ok=True)
    found = {}
    for client in clients:
        path = directory / f"service-client-{client}.secret"
        if not path.exists():
            path.write_text(secrets.token_urlsafe(32))
            os.chmod(path, 0o600)
        found[client] = path.read_text().strip()
    return found
