"""The capture service with its storing step cut away, for bench/intake_floor.py only.

``LEADPRESS_FLOOR`` picks what ``POST /leads`` still does after validation:
  - ``screen``: screens the submission, then answers without touching the database;
  - ``nothing``: answers at once.
Everything before that (Flask, the extensions, the origin check, parsing, the
WTForms form) runs as in the service. The answer is a fixed receipt, as if each
submission had been stored: what is measured is the cost of what was cut.
Run by the benchmark: gunicorn 'bench.floor_app:app'.
"""

import os

from capture import create_app
from capture import intake
from capture import public
from capture.screening import screen

RECEIPT = intake.Receipt(public_id="floor-benchmark-receipt", status="queued", duplicate=False)


def screen_only(engine, values, *, rules, **_):
    screen(values, rules)
    return RECEIPT


def answer_only(engine, values, **_):
    return RECEIPT


class _Intake:
    """Stands in for the ``intake`` module inside ``capture.public``."""

    receive = staticmethod({"screen": screen_only, "nothing": answer_only}
                           [os.environ.get("LEADPRESS_FLOOR", "nothing")])


public.intake = _Intake
app = create_app()
