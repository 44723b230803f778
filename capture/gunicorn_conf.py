"""gunicorn settings for the capture service in production:

    gunicorn -c python:capture.gunicorn_conf 'capture:create_app()'

Flask-Limiter counts in the process that serves the request. With gunicorn's
several workers and ``memory://`` every worker keeps its own count, so "5 wrong
passwords a minute" became 20 with 4 workers. Unless
``CAPTURE_RATELIMIT_STORAGE_URI`` names a storage, this config starts a private
memcached for the life of the gunicorn master, on a free loopback port, and
points every worker at it: one count per machine, no service to install and
run by hand beyond Debian's ``memcached`` package. Memcached rather than Redis
because it is exactly a shared counter with expiry (what Flask-Limiter's
fixed window needs), keeps nothing on disk and needs no configuration; several
machines share one Redis instead (``CAPTURE_RATELIMIT_STORAGE_URI=redis://…``).

Settings come from the usual gunicorn variables: ``GUNICORN_CMD_ARGS`` or the
command line override these (``-w 8 -b 0.0.0.0:8000``).
"""

import os
import pwd
import shutil
import socket
import subprocess
import time

bind = os.environ.get("CAPTURE_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
# The memcached address goes to the workers through the environment, which they
# read when each one builds its app: the app must not be built in the master.
preload_app = False
accesslog = "-"
errorlog = "-"
# gunicorn 27's control socket sits at one fixed path per user ($HOME/.gunicorn/
# gunicorn.ctl), so two services on one machine would take it from each other.
control_socket_disable = True

STORAGE_VARIABLE = "CAPTURE_RATELIMIT_STORAGE_URI"
_memcached: list[subprocess.Popen] = []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_listening(port: int, process: subprocess.Popen, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"memcached exited at start (status {process.returncode})")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"memcached did not listen on 127.0.0.1:{port} within {seconds} s")


def start_shared_limiter_storage(worker_count: int) -> str | None:
    """Start memcached and return its URI, or None when it is not needed (one
    worker, or a storage chosen by the operator)."""
    if os.environ.get(STORAGE_VARIABLE) or worker_count <= 1:
        return None
    binary = shutil.which("memcached") or "/usr/bin/memcached"
    if not os.path.exists(binary):
        raise SystemExit(
            f"{worker_count} gunicorn workers need one rate-limit count between them: "
            "install memcached (apt-get install memcached), or set "
            f"{STORAGE_VARIABLE}=redis://host:6379, or run one worker (-w 1).")
    port = _free_port()
    command = [binary, "-l", "127.0.0.1", "-p", str(port), "-U", "0", "-m", "32"]
    if os.geteuid() == 0:  # memcached refuses to run as root
        command += ["-u", "memcache" if _user_exists("memcache") else "nobody"]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
    _memcached.append(process)
    _wait_until_listening(port, process)
    return f"memcached://127.0.0.1:{port}"


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def stop_shared_limiter_storage() -> None:
    while _memcached:
        process = _memcached.pop()
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()


# gunicorn's server hooks.
def on_starting(server):
    # Each worker checkpoints SQLite's WAL on a thread, not in a visitor's request
    # (capture/checkpoint.py); the workers read it as they build their app.
    # Imported here: every name at this module's top is read as a gunicorn setting,
    # and "config" is one (the path given to -c).
    from capture.config import SERVER_SQLITE_CHECKPOINT

    os.environ.setdefault("CAPTURE_SQLITE_CHECKPOINT_SECONDS", SERVER_SQLITE_CHECKPOINT)
    uri = start_shared_limiter_storage(server.cfg.workers)
    if uri:
        os.environ[STORAGE_VARIABLE] = uri
        server.log.info("rate limits shared by %s workers through %s", server.cfg.workers, uri)


def on_exit(server):
    stop_shared_limiter_storage()


def post_worker_init(worker):
    from capture.app import compile_screening_in_background

    compile_screening_in_background(worker.wsgi)
