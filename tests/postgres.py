"""A throwaway PostgreSQL server for the tests, started and stopped by pytest.

initdb and postgres refuse to run as root, and CI runs as root, so the server
runs as the unprivileged ``postgres`` user that Debian's package creates. Its
directory lives under /tmp, not pytest's tmp_path, whose 0700 parents that user
cannot enter. `make test` installs the package; a missing server is an error,
never a skip, so CI can't pass without testing PostgreSQL.
"""

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile


def _bin_dir() -> str:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda path: int(path.split("/")[4]))
    if candidates:
        return os.path.dirname(candidates[-1])
    initdb = shutil.which("initdb")
    if initdb:
        return os.path.dirname(initdb)
    raise RuntimeError(
        "PostgreSQL is not installed: run `make test` (it installs it), "
        "or apt-get install postgresql"
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def throwaway_server(database: str = "leadpress"):
    """Yield a SQLAlchemy URL for a new, empty database on a private server."""
    bin_dir = _bin_dir()
    as_user: dict = {}
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        as_user = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": [],
                   "env": {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "HOME": "/tmp"}}
    base = tempfile.mkdtemp(prefix="leadpress-pg-", dir="/tmp")
    data, sockets, log = f"{base}/data", f"{base}/sockets", f"{base}/server.log"
    os.mkdir(sockets)
    if as_user:
        for path in (base, sockets):
            os.chown(path, as_user["user"], as_user["group"])
    port = _free_port()

    def run(*command: str) -> None:
        subprocess.run(command, check=True, cwd=base, capture_output=True, timeout=120, **as_user)

    started = False
    try:
        run(f"{bin_dir}/initdb", "-D", data, "-U", "postgres", "-A", "trust",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -c port={port} "
                   f"-c unix_socket_directories={sockets} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        run(f"{bin_dir}/pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start")
        started = True
        run(f"{bin_dir}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", database)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/{database}"
    except subprocess.CalledProcessError as error:
        detail = (error.stdout or b"").decode(errors="replace")
        if os.path.exists(log):
            with open(log) as server_log:
                detail += server_log.read()[-2000:]
        raise RuntimeError(f"{error.cmd[0]} failed:\n{detail}") from error
    finally:
        if started:
            subprocess.run([f"{bin_dir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
                           capture_output=True, timeout=60, **as_user)
        shutil.rmtree(base, ignore_errors=True)


def _admin_url(server_url: str) -> str:
    return server_url.replace("postgresql+psycopg://", "postgresql://")


def create_database(server_url: str, name: str, template: str | None = None) -> str:
    """Another database on the same server: far cheaper than another server.
    Copying a migrated template gives each test its own schema in milliseconds."""
    import psycopg

    clause = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(_admin_url(server_url), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"{clause}')
    return server_url.rsplit("/", 1)[0] + "/" + name


def drop_database(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_admin_url(server_url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
