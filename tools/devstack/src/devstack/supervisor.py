"""Running the services and the gateway as one group of processes, and saying when the platform is ready.

Unlike a Procfile runner, a service that dies does not take the others down: the gateway keeps answering
(503 problems for that service's routes) and the log says what happened. Ctrl-C, or the gateway itself
exiting, stops everything.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from devstack.layout import PACKAGES, REPO, SERVICES, SPA_DIR, Package

COLOURS = {"gateway": "\033[36m", "intelligence": "\033[32m", "proposals": "\033[33m", "matchmaking": "\033[35m"}
RESET = "\033[0m"
_print_lock = threading.Lock()


def say(name: str, line: str) -> None:
    colour = COLOURS.get(name, "") if sys.stdout.isatty() else ""
    with _print_lock:
        print(f"{colour}{name:<12}{RESET if colour else ''} | {line}", flush=True)


def process_environment(*, database_url: str, public_key: Path, private_key: Path, base_port: int,
                        log_json: bool, service_clients: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)  # each process gets its own explicit variable below
    for package in PACKAGES:
        prefix = package.env_prefix
        env[f"{prefix}DATABASE_URL"] = database_url
        env[f"{prefix}ENVIRONMENT"] = "development"
        env[f"{prefix}IDENTITY_PUBLIC_KEY_FILE"] = str(public_key)
        env[f"{prefix}LOG_JSON"] = "true" if log_json else "false"
    env["GATEWAY_IDENTITY_PRIVATE_KEY_FILE"] = str(private_key)
    env["GATEWAY_COOKIE_SECURE"] = "false"  # plain http on loopback; production keeps Secure cookies
    env["GATEWAY_SPA_DIR"] = str(SPA_DIR)
    urls = {service.name: f"http://127.0.0.1:{base_port + service.port_offset}" for service in SERVICES}
    for name, url in urls.items():
        env[f"GATEWAY_{name.upper()}_URL"] = url
    # the services' own sign-in: the proposals copy of the organisation registry follows intelligence's feed
    env["GATEWAY_SERVICE_CLIENTS"] = ",".join(f"{client}:{secret}" for client, secret in service_clients.items())
    env["PROPOSALS_SERVICE_CLIENT_SECRET"] = service_clients["proposals"]
    env["PROPOSALS_GATEWAY_URL"] = f"http://127.0.0.1:{base_port}"
    env["PROPOSALS_INTELLIGENCE_URL"] = urls["intelligence"]
    return env


def _command(package: Package, port: int) -> list[str]:
    return [sys.executable, "-m", "uvicorn", package.app, "--factory", "--host", "127.0.0.1", "--port", str(port),
            "--no-access-log", "--no-server-header", "--timeout-graceful-shutdown", "5"]


def _relay(name: str, process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        say(name, line.rstrip("\n"))


def _announce_when_ready(gateway_url: str, banner: str, stopping: threading.Event) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not stopping.is_set():
        try:
            if httpx.get(f"{gateway_url}/readyz", timeout=1).status_code == 200:
                with _print_lock:
                    print(f"\n{banner}\n\n  TEX4IM is running at {gateway_url}  (Ctrl-C stops it)\n", flush=True)
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    if not stopping.is_set():
        say("devstack", f"the gateway did not become ready at {gateway_url}; see the log above")


def run_processes(env: dict[str, str], *, base_port: int, banner: str, run_dir: Path) -> int:
    run_dir.mkdir(parents=True, exist_ok=True)
    processes: dict[str, subprocess.Popen[str]] = {}
    stopping = threading.Event()

    def stop(*_: object) -> None:
        stopping.set()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    for package in PACKAGES:
        process = subprocess.Popen(_command(package, base_port + package.port_offset), env=env, cwd=REPO,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        processes[package.name] = process
        (run_dir / f"{package.name}.pid").write_text(str(process.pid))
        threading.Thread(target=_relay, args=(package.name, process), daemon=True).start()
    threading.Thread(target=_announce_when_ready, args=(f"http://127.0.0.1:{base_port}", banner, stopping),
                     daemon=True).start()

    reported: set[str] = set()
    gateway_died = False
    while not stopping.is_set():
        for name, process in processes.items():
            code = process.poll()
            if code is not None and name not in reported:
                reported.add(name)
                if name == "gateway":
                    say("devstack", f"the gateway exited ({code}); stopping everything")
                    gateway_died = True
                    stopping.set()
                else:
                    say("devstack", f"{name} exited ({code}); the gateway answers 503 for /api/{name}/ "
                                    "and the others keep running")
        stopping.wait(0.5)

    for process in processes.values():
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 10
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
    for package in PACKAGES:
        (run_dir / f"{package.name}.pid").unlink(missing_ok=True)
    return (processes["gateway"].returncode or 1) if gateway_died else 0
