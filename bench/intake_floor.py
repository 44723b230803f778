"""Where POST /leads's throughput goes: the service whole, then with its steps cut
away one by one, beside the bare app, all under the same gunicorn and wrk load as
bench/intake_throughput.py.

  - ours:             the service as it runs;
  - ours, bare storing: screening, then the bare app's own durable insert of one
                      row (no duplicate check, no alert, no indexes) in place of
                      ours (LEADPRESS_FLOOR=bare-store);
  - ours, no storing: screening, but no duplicate check, insert, alert or commit
                      (bench/floor_app.py, LEADPRESS_FLOOR=screen);
  - ours, no intake:  neither screening nor storing: Flask, the extensions, the
                      origin check, parsing and the WTForms form, then the answer
                      (LEADPRESS_FLOOR=nothing);
  - baseline:         bench/baseline_app.py, one durable insert.
The gaps between them are what each step costs in throughput; the per-request
time of a step is 2 workers / rate, differenced. Prints medians (min-max) over
interleaved rounds.
Run: .venv/bin/python bench/intake_floor.py [--rounds 3] [--seconds 10]
"""

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.baseline_app import create_table  # noqa: E402
from bench.intake_throughput import WORKERS  # noqa: E402
from bench.intake_throughput import Server  # noqa: E402
from bench.intake_throughput import lua_script  # noqa: E402
from bench.intake_throughput import run_wrk  # noqa: E402
from bench.intake_throughput import warm_up  # noqa: E402

VARIANTS = {  # name: (how its server is started, the step it drops beyond the line above)
    "ours": ({}, None),
    "ours, bare storing": ({"app": "bench.floor_app:app",
                            "extra_env": {"LEADPRESS_FLOOR": "bare-store"}},
                           "our storing beyond a bare row"),
    "ours, no storing": ({"app": "bench.floor_app:app",
                          "extra_env": {"LEADPRESS_FLOOR": "screen"}}, "a bare row"),
    "ours, no intake": ({"app": "bench.floor_app:app",
                         "extra_env": {"LEADPRESS_FLOOR": "nothing"}}, "screening"),
    "baseline": (None, None),
}


def measure(name: str, workdir: Path, round_number: int, seconds: int) -> tuple[float, int]:
    """wrk's requests per second against that server, and its errors (timeouts, non-2xx)."""
    options, _ = VARIANTS[name]
    if options and options["extra_env"]["LEADPRESS_FLOOR"] == "bare-store":
        bare_db = workdir / f"bare-rows-{round_number}.db"
        create_table(str(bare_db))
        options = options | {"extra_env": options["extra_env"] | {"BASELINE_DB": str(bare_db)}}
    server = (Server("baseline", workdir) if options is None
              else Server("ours", workdir, **options))
    try:
        script = workdir / f"load-{round_number}-{len(name)}.lua"
        lua_script(script, 40_000, seed=round_number * 10 + len(name))
        warm_up(server.url, 200, seed=3000 + round_number)
        rate, _, errors = run_wrk(server.url, script, seconds)
    finally:
        server.stop()
    return rate, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (make bench installs it)")
    workdir = Path(tempfile.mkdtemp(prefix="leadpress-floor-"))
    rates: dict[str, list[float]] = {name: [] for name in VARIANTS}
    errors: dict[str, int] = dict.fromkeys(VARIANTS, 0)
    for round_number in range(args.rounds):
        order = list(VARIANTS) if round_number % 2 == 0 else list(reversed(VARIANTS))
        for name in order:
            rate, failed = measure(name, workdir, round_number, args.seconds)
            rates[name].append(rate)
            errors[name] += failed
            print(f"round {round_number + 1} {name:19s} {rate:8,.0f} req/s, {failed} errors",
                  flush=True)
    shutil.rmtree(workdir, ignore_errors=True)
    baseline = statistics.median(rates["baseline"])
    print(f"\nPOST /leads, gunicorn -w {WORKERS}, wrk -t{WORKERS} -c16 -d{args.seconds}s; "
          f"medians (min-max) of {args.rounds} interleaved rounds")
    worker_ms = {name: WORKERS / statistics.median(values) * 1000
                 for name, values in rates.items()}
    names = list(VARIANTS)
    for index, name in enumerate(names):
        middle = statistics.median(rates[name])
        line = (f"  {name:19s} {middle:8,.0f} req/s ({min(rates[name]):,.0f}-"
                f"{max(rates[name]):,.0f})  {middle / baseline:.2f}x the baseline, "
                f"{worker_ms[name]:.2f} ms of a worker per request")
        dropped = VARIANTS[name][1]
        if dropped:
            cost = worker_ms[names[index - 1]] - worker_ms[name]
            line += f"; {dropped} cost {cost:.2f} ms"
        print(line)
    failures = ", ".join(f"{name}: {count}" for name, count in errors.items() if count)
    print(f"errors (wrk timeouts and non-2xx answers): {failures or 'none'}")


if __name__ == "__main__":
    main()
