"""The capture service with its storing step cut away or cut down, for
bench/intake_floor.py only.

``LEADPRESS_FLOOR`` picks what ``POST /leads`` still does after validation:
  - ``bare-store``: screens the submission, then stores it the way the bare app
    does (bench/baseline_app.py: one row in a table without indexes, WAL,
    synchronous=FULL, one connection per process), with no duplicate check,
    no alert and none of the staff pages' indexes;
  - ``screen``: screens the submission, then answers without touching the database;
  - ``nothing``: answers at once.
Everything before that (Flask, the extensions, the origin check, parsing, the
WTForms form) runs as in the service. The answer is a fixed receipt: what is
measured is the cost of what was cut.
Run by the benchmark: gunicorn 'bench.floor_app:app', with BASELINE_DB naming
the bare table's database for ``bare-store``.
"""

import os

from bench import baseline_app
from capture import create_app
from capture import intake
from capture import public
from capture.screening import screen

RECEIPT = intake.Receipt(public_id="floor-benchmark-receipt", status="queued", duplicate=False)


def bare_store(engine, values, *, rules, **_):
    screen(values, rules)
    baseline_app.store(baseline_app.connection(), values)
    return RECEIPT


def screen_only(engine, values, *, rules, **_):
    screen(values, rules)
    return RECEIPT


def answer_only(engine, values, **_):
    return RECEIPT


STEPS = {"bare-store": bare_store, "screen": screen_only, "nothing": answer_only}


class _Intake:
    """Stands in for the ``intake`` module inside ``capture.public``."""

    receive = staticmethod(STEPS[os.environ.get("LEADPRESS_FLOOR", "nothing")])


public.intake = _Intake
app = create_app()
