"""What every benchmark here shares: the platform on spare loopback ports, signing in, and writing results.

The platform is started as `tests/conftest.py` does (`devstack run --fast-db --plain-logs` with a throwaway
database), so a benchmark measures the real services, gateway and PostgreSQL on this machine.
"""

from __future__ import annotations

import contextlib
import os
import platform
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
README = REPO / "bench" / "README.md"
DEMO_PASSWORD = "tex4im-demo"  # noqa: S105  (the published demo accounts' password)
SERVICES = ("intelligence", "proposals", "matchmaking")


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def ports_free(base: int) -> bool:
    for port in range(base, base + 1 + len(SERVICES)):
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn: TIME_WAIT is no obstacle
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                return False
    return True


def _ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/readyz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


class Stack:
    def __init__(self, base_port: int, data_dir: Path) -> None:
        self.base_port = base_port
        self.data_dir = data_dir
        self.log_path = data_dir.parent / "stack.log"
        self.gateway_url = f"http://127.0.0.1:{base_port}"
        self.service_urls = {name: f"http://127.0.0.1:{base_port + i}" for i, name in enumerate(SERVICES, start=1)}
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "devstack.cli", "run", "--data-dir", str(self.data_dir),
                 "--port", str(self.base_port), "--fast-db", "--plain-logs"],
                cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 180
        while not all(_ready(u) for u in [self.gateway_url, *self.service_urls.values()]):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the platform did not start:\n{self.tail()}")
            time.sleep(0.3)

    def tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def pid(self, name: str) -> int:
        return int((self.data_dir / "run" / f"{name}.pid").read_text())

    def postmaster_pid(self) -> int | None:
        with contextlib.suppress(OSError, ValueError, IndexError):
            return int((self.data_dir / "postgres" / "postmaster.pid").read_text().splitlines()[0])
        return None

    def database_dsn(self) -> str:
        """The platform database (devstack's embedded server, database `tex4im`), as an asyncpg DSN."""
        from tex4im_common.local_postgres import LocalPostgres

        return LocalPostgres(self.data_dir / "postgres").url("tex4im").replace("postgresql+asyncpg://", "postgresql://")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def sign_in(stack: Stack, email: str) -> str:
    """Signs a demo account in; returns its access token (the `tex4im_access` cookie)."""
    response = httpx.post(f"{stack.gateway_url}/api/auth/login", json={"email": email, "password": DEMO_PASSWORD},
                          timeout=10)
    if response.status_code != 200:
        raise RuntimeError(f"sign-in failed: {response.status_code} {response.text}")
    return response.cookies["tex4im_access"]


def direct_token(stack: Stack, access_token: str, *, audience: str = "intelligence") -> str:
    """An identity token for a service, for the same identity the gateway would forward (same size and claims)."""
    import jwt
    from tex4im_common.identity import Identity, IdentityTokenSigner, Membership

    claims = jwt.decode(access_token, options={"verify_signature": False})
    identity = Identity(subject=claims["sub"], kind=claims.get("kind", "user"), name=claims.get("name"),
                        memberships=tuple(Membership(**m) for m in claims.get("memberships", [])))
    private_key = (stack.data_dir / "keys" / "identity-ed25519.pem").read_text()
    return IdentityTokenSigner(private_key, ttl=timedelta(minutes=30)).sign(identity, audience=audience)


def git_commit() -> str:
    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=10, check=False)
        return result.stdout.strip() if result.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    if git("status", "--porcelain", "--", ".", ":(exclude)bench"):
        commit += " (+ uncommitted changes outside bench/)"
    return commit


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def write_results(section: str, table: str) -> None:
    """Replace the text between `<!-- <section>:start -->` and `<!-- <section>:end -->` in bench/README.md."""
    start, end = f"<!-- {section}:start -->", f"<!-- {section}:end -->"
    text = README.read_text() if README.exists() else "# Benchmarks\n"
    if start not in text or end not in text:
        text = text.rstrip("\n") + f"\n\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    README.write_text(f"{head}{start}\n{table}\n{end}{tail}")
    log(f"results written to {README.relative_to(REPO)}")
