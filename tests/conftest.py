"""The whole platform, started once per test session on spare ports with a throwaway database."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[1]
DEMO_PASSWORD = "tex4im-demo"
SERVICES = ("intelligence", "proposals", "matchmaking")


@dataclass(frozen=True)
class Stack:
    base_url: str
    service_urls: dict[str, str]
    data_dir: Path
    log: Path

    def service_pid(self, name: str) -> int:
        return int((self.data_dir / "run" / f"{name}.pid").read_text())

    def public_key_pem(self) -> str:
        return (self.data_dir / "keys" / "identity-ed25519.pub.pem").read_text()

    def private_key_pem(self) -> str:
        return (self.data_dir / "keys" / "identity-ed25519.pem").read_text()


def _port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _four_free_ports() -> int:
    """The first base port from 18000 with it and the next three free (gateway + three services)."""
    for base in range(18000, 19000, 10):
        if all(_port_is_free(base + offset) for offset in range(4)):
            return base
    raise RuntimeError("no four free ports between 18000 and 19000")


def _ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/readyz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that break part of the running stack (an outage) go last."""
    items.sort(key=lambda item: item.get_closest_marker("outage") is not None)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "outage: stops part of the shared stack, so it runs after everything else")


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    data_dir = tmp_path_factory.mktemp("stack")
    log = data_dir / "stack.log"
    port = _four_free_ports()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "devstack.cli", "run", "--data-dir", str(data_dir), "--port", str(port),
             "--fast-db", "--plain-logs"],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    service_urls = {name: f"http://127.0.0.1:{port + i}" for i, name in enumerate(SERVICES, start=1)}
    deadline = time.monotonic() + 180
    while not all(_ready(u) for u in [base_url, *service_urls.values()]):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the platform did not start:\n{log.read_text()[-4000:]}")
        time.sleep(0.3)
    try:
        yield Stack(base_url, service_urls, data_dir, log)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def gateway(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.base_url, timeout=10) as client:
        yield client


@pytest.fixture
def sign_in() -> Callable[[httpx.Client, str], dict[str, str]]:
    """Sign a client in as a demo account; returns the CSRF header for unsafe requests."""

    def sign(client: httpx.Client, email: str) -> dict[str, str]:
        response = client.post("/api/auth/login", json={"email": email, "password": DEMO_PASSWORD})
        assert response.status_code == 200, response.text
        return {"X-CSRF-Token": client.cookies["tex4im_csrf"]}

    return sign
