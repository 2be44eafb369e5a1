"""`devstack`: the one-machine platform for development, demos and browser tests."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from devstack.database import migrate_all, prepare_database
from devstack.demo import describe_accounts, load_demo_data
from devstack.keys import ensure_key_pair, ensure_service_client_secrets
from devstack.layout import REPO
from devstack.openapi import build_openapi
from devstack.supervisor import process_environment, run_processes

# the services that sign in to the gateway themselves (today: proposals, to follow intelligence's feed)
SERVICE_CLIENTS = ("proposals",)


def _run(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir).resolve()
    private_key, public_key = ensure_key_pair(data_dir / "keys")
    service_clients = ensure_service_client_secrets(data_dir / "keys", SERVICE_CLIENTS)
    database_url, server = prepare_database(data_dir, fast=args.fast_db)
    try:
        print(f"Database: {'embedded PostgreSQL in ' + str(server.data_dir) if server else 'DATABASE_URL'}",
              flush=True)
        migrate_all(database_url)
        print("Migrations: every schema at head", flush=True)
        demo = load_demo_data(database_url, keys=data_dir / "keys")
        print(demo.summary(), flush=True)
        if args.prepare_only:
            return 0
        env = process_environment(database_url=database_url, public_key=public_key, private_key=private_key,
                                  base_port=args.port, log_json=not args.plain_logs,
                                  service_clients=service_clients)
        banner = describe_accounts(demo.accounts)
        return run_processes(env, base_port=args.port, banner=banner, run_dir=data_dir / "run")
    finally:
        if server is not None and not args.keep_db:
            server.stop()


def _openapi(args: argparse.Namespace) -> int:
    document = json.dumps(build_openapi(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    if args.out == "-":
        sys.stdout.write(document)
    else:
        Path(args.out).write_text(document)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="devstack", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="set up (database, migrations, demo data) and start the platform")
    run.add_argument("--data-dir", default=str(REPO / ".data"), help="where the local database and keys live")
    run.add_argument("--port", type=int, default=8000, help="gateway port; services use the next three")
    run.add_argument("--prepare-only", action="store_true", help="set up, then exit without starting")
    run.add_argument("--keep-db", action="store_true", help="leave the embedded PostgreSQL running on exit")
    run.add_argument("--fast-db", action="store_true", help="fsync off: for tests and benchmarks, never real data")
    run.add_argument("--plain-logs", action="store_true", help="human-readable logs instead of JSON lines")
    run.set_defaults(handler=_run)
    openapi = commands.add_parser("openapi", help="write the merged OpenAPI document without running anything")
    openapi.add_argument("--out", default=str(REPO / "frontend" / "openapi.json"))
    openapi.set_defaults(handler=_openapi)
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    raise SystemExit(main())
