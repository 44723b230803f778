"""Where one POST /leads spends its CPU: each stage of the real code path timed in
one process, beside the bare baseline's own durable insert (bench/baseline_app.py).

bench/intake_throughput.py gives the whole request under gunicorn and wrk; this
splits the service's share into its stages, on the same unique, varied bodies:
1. parsing the body (``payload.parse``);
2. building and validating the 18-field WTForms form, and its cleaned values;
3. screening (``screening.screen``);
4. storing: ``intake.receive`` (screening again, the duplicate check, the lead
   and its alert, the commit), CPU and wall time (the fsync waits);
5. the baseline: one row into an unindexed table with sqlite3, and its commit.
CPU is ``time.process_time`` per body; medians with min-max over interleaved rounds.

Run: .venv/bin/python bench/intake_parts.py [--rounds 3] [--bodies 1000]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from bench.baseline_app import create_table  # noqa: E402
from bench.baseline_app import open_database  # noqa: E402
from bench.baseline_app import store as store_baseline  # noqa: E402
from bench.intake_throughput import bodies  # noqa: E402


def per_body(stage, items) -> tuple[float, float]:
    """(CPU, wall) microseconds per body."""
    cpu, wall = time.process_time(), time.perf_counter()
    for item in items:
        stage(item)
    count = len(items)
    return ((time.process_time() - cpu) / count * 1e6,
            (time.perf_counter() - wall) / count * 1e6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bodies", type=int, default=1000, help="bodies per round")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="intake-parts-"))
    ours_db, bare_db = work / "ours.db", work / "bare.db"
    subprocess.run([str(BIN / "flask"), "--app", "capture", "db", "upgrade"], cwd=ROOT,
                   env=os.environ | {"CAPTURE_DATABASE_URL": f"sqlite:///{ours_db}"},
                   check=True, capture_output=True)
    os.environ.update({"CAPTURE_DATABASE_URL": f"sqlite:///{ours_db}",
                       "CAPTURE_SECRET_KEY": "bench", "CAPTURE_RATELIMIT_ENABLED": "false"})
    from werkzeug.datastructures import MultiDict

    from capture import create_app
    from capture import intake
    from capture import payload
    from capture.app import screening_rules
    from capture.app import screening_version
    from capture.extensions import db
    from capture.forms import LeadForm
    from capture.screening import compile_rules
    from capture.screening import screen

    app = create_app()
    create_table(str(bare_db))
    bare = open_database(str(bare_db))

    def validated(raw: dict) -> dict:
        form = LeadForm(formdata=MultiDict(raw))
        form.validate()
        return form.cleaned()

    def store(values: dict) -> None:
        intake.receive(db.engine, values, rules=rules, now=datetime.now(UTC),
                       duplicate_window=timedelta(minutes=10), version=version)

    def store_bare(raw: dict) -> None:
        store_baseline(bare, raw)

    figures: dict[str, list[tuple[float, float]]] = {}
    with app.test_request_context("/leads", method="POST"):
        rules, version = screening_rules(), screening_version()
        compile_rules(rules)
        warm = [payload.parse(body.encode(), kind) for kind, body in bodies(200, 999)]
        for raw in warm:  # every stage has run before anything is timed
            store(validated(raw))
            store_bare(raw)
        for round_ in range(args.rounds):
            items = bodies(args.bodies, round_)
            raws = [payload.parse(body.encode(), kind) for kind, body in items]
            values = [validated(raw) for raw in raws]
            stages = {
                "parse the body": (lambda item: payload.parse(item[1].encode(), item[0]),
                                   items),
                "WTForms: build, validate, clean": (validated, raws),
                "screen": (lambda one: screen(one, rules), values),
                "store (intake.receive)": (store, values),
                "baseline: sqlite3 insert + commit": (store_bare, raws),
            }
            for name, (stage, inputs) in stages.items():
                figures.setdefault(name, []).append(per_body(stage, inputs))

    print(f"POST /leads stages, {args.bodies} unique bodies a round, {args.rounds} rounds "
          "(medians, min-max), microseconds per body")
    print(f"{'stage':36} {'CPU':>20} {'wall':>20}")
    for name, runs in figures.items():
        cells = []
        for index in (0, 1):
            values = [run[index] for run in runs]
            cells.append(f"{statistics.median(values):,.0f} ({min(values):,.0f}-"
                         f"{max(values):,.0f})")
        print(f"{name:36} {cells[0]:>20} {cells[1]:>20}")
    ours = sum(statistics.median(run[0] for run in figures[name]) for name in figures
               if not name.startswith(("screen", "baseline")))
    base = statistics.median(run[0] for run in figures["baseline: sqlite3 insert + commit"])
    print(f"ours, parse + form + store (store screens): {ours:,.0f} us CPU; the baseline's "
          f"insert: {base:,.0f} us; Flask and gunicorn come on top of both")


if __name__ == "__main__":
    main()
