"""How the screening rules score on a labelled corpus, and how long one screen() takes.

A corpus is JSON Lines, one case a line: ``id``, ``class``, ``submission`` (the
form's fields, as strings or numbers), ``expected`` (``status``, ``reasons``,
``flags``) and ``why``.  Every submission is screened with the default rules
(capture.screening.DEFAULT_RULES) and the script prints:
  - the number of cases; status, exact-reasons and exact-flags accuracy (reasons
    and flags compared as sets: their order carries no meaning);
  - precision and recall for each reason and each flag;
  - qualified providers screened out (expected queued, got screened_out), and
    providers wrongly given not_msp (the costliest mistake: staff lose a lead);
  - how many not_msp the word model gave that the phrase rules alone would not, and
    how many of those were expected;
  - every mismatch with its id, class, expected and got verdicts and the evidence
    (``--summary`` leaves them out: for scoring a kept-aside set without reading it);
  - the median and p95 time of one screen() call over the corpus, after a warm-up.
It is a report, so it always exits 0; a line that is not a case is reported and skipped.
Run: .venv/bin/python bench/screening_eval.py [--corpus PATH ...] [--repeat 20] [--summary]
"""

import argparse
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from capture.screening import DEFAULT_RULES  # noqa: E402
from capture.screening import FLAG_IDS  # noqa: E402
from capture.screening import REASON_IDS  # noqa: E402
from capture.screening import rules_from_config  # noqa: E402
from capture.screening import rules_version  # noqa: E402
from capture.screening import screen  # noqa: E402

DEFAULT_CORPORA = "tests/screening_corpus/*.jsonl"
# The same rules with the word model off: what the phrase lists alone decide.
PHRASES_ALONE = rules_from_config({"SCREEN_MODEL_THRESHOLD": 0})


@dataclass(frozen=True)
class Case:
    id: str
    kind: str
    submission: dict
    status: str
    reasons: frozenset[str]
    flags: frozenset[str]


@dataclass(frozen=True)
class Outcome:
    case: Case
    status: str
    reasons: frozenset[str]
    flags: frozenset[str]
    evidence: tuple[str, ...]
    by_model: bool


def read_cases(paths: list[Path]) -> tuple[list[Case], list[str]]:
    """Every case in the files, and a note for each line that could not be read."""
    cases, problems = [], []
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            problems.append(f"{path}: {error}")
            continue
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                expected = row["expected"]
                cases.append(Case(
                    id=str(row.get("id", f"{path.name}:{number}")),
                    kind=str(row.get("class", "")),
                    submission=dict(row["submission"]),
                    status=str(expected["status"]),
                    reasons=frozenset(expected.get("reasons") or ()),
                    flags=frozenset(expected.get("flags") or ()),
                ))
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                problems.append(f"{path}:{number}: not a case ({error!r})")
    return cases, problems


def judge(case: Case) -> Outcome:
    verdict = screen(case.submission, DEFAULT_RULES)
    phrases_alone = screen(case.submission, PHRASES_ALONE)
    return Outcome(
        case=case,
        status=verdict.status,
        reasons=frozenset(r.id for r in verdict.reasons),
        flags=frozenset(f.id for f in verdict.flags),
        evidence=tuple(f"{item.id}: {item.evidence}" for item in verdict.reasons + verdict.flags),
        by_model="not_msp" in {r.id for r in verdict.reasons}
        and "not_msp" not in {r.id for r in phrases_alone.reasons},
    )


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.1%}" if whole else "n/a"


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  n/a"


def precision_recall(outcomes: list[Outcome], label: str, attribute: str) -> str:
    expected = [label in getattr(o.case, attribute) for o in outcomes]
    got = [label in getattr(o, attribute) for o in outcomes]
    hits = sum(e and g for e, g in zip(expected, got, strict=True))
    return (f"  {label:<20} precision {ratio(hits, sum(got))}  recall {ratio(hits, sum(expected))}"
            f"  (expected {sum(expected)}, got {sum(got)}, both {hits})")


def verdict_text(status: str, reasons: frozenset[str], flags: frozenset[str]) -> str:
    return f"{status} reasons={sorted(reasons)} flags={sorted(flags)}"


def timings(cases: list[Case], repeat: int) -> list[float]:
    """Seconds per screen() call, every case ``repeat`` times, after one warm-up pass."""
    for case in cases:
        screen(case.submission, DEFAULT_RULES)
    seconds = []
    for _ in range(repeat):
        for case in cases:
            start = time.perf_counter()
            screen(case.submission, DEFAULT_RULES)
            seconds.append(time.perf_counter() - start)
    return seconds


def report(outcomes: list[Outcome], seconds: list[float], *, summary: bool = False) -> None:
    total = len(outcomes)
    print(f"rules version: {rules_version(DEFAULT_RULES)}")
    print(f"cases: {total}")
    status = sum(o.status == o.case.status for o in outcomes)
    reasons = sum(o.reasons == o.case.reasons for o in outcomes)
    flags = sum(o.flags == o.case.flags for o in outcomes)
    print(f"status accuracy:        {share(status, total)}")
    print(f"exact reasons accuracy: {share(reasons, total)}")
    print(f"exact flags accuracy:   {share(flags, total)}")
    print("reasons:")
    for reason in REASON_IDS:
        print(precision_recall(outcomes, reason, "reasons"))
    print("flags:")
    for flag in FLAG_IDS:
        print(precision_recall(outcomes, flag, "flags"))
    lost = [o for o in outcomes if o.case.status == "queued" and o.status == "screened_out"]
    wrongly_not_msp = [o for o in outcomes
                       if "not_msp" in o.reasons and "not_msp" not in o.case.reasons]
    print(f"qualified providers screened out: {len(lost)}"
          + (f" ({', '.join(o.case.id for o in lost)})" if lost else ""))
    print(f"not_msp given where not expected: {len(wrongly_not_msp)}"
          + (f" ({', '.join(o.case.id for o in wrongly_not_msp)})" if wrongly_not_msp else ""))
    by_model = [o for o in outcomes if o.by_model]
    print(f"not_msp by the word model alone: {len(by_model)}, expected in "
          f"{sum('not_msp' in o.case.reasons for o in by_model)}")
    mismatches = [o for o in outcomes if (o.status, o.reasons, o.flags)
                  != (o.case.status, o.case.reasons, o.case.flags)]
    print(f"mismatches: {len(mismatches)}")
    for o in [] if summary else mismatches:
        print(f"- {o.case.id} [{o.case.kind}]")
        print(f"    expected: {verdict_text(o.case.status, o.case.reasons, o.case.flags)}")
        print(f"    got:      {verdict_text(o.status, o.reasons, o.flags)}")
        for line in o.evidence:
            print(f"    evidence  {line}")
    if seconds:
        ordered = sorted(seconds)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        print(f"screen() time over {len(seconds)} calls: median "
              f"{statistics.median(seconds) * 1000:.3f} ms, p95 {p95 * 1000:.3f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", type=Path, metavar="PATH",
                        help=f"a JSONL corpus (repeatable); default {DEFAULT_CORPORA}")
    parser.add_argument("--repeat", type=int, default=20,
                        help="timed passes over the corpus (default 20)")
    parser.add_argument("--summary", action="store_true",
                        help="figures only, no mismatch details (for a kept-aside set)")
    args = parser.parse_args(argv)
    paths = args.corpus or sorted(ROOT.glob(DEFAULT_CORPORA))
    print("corpus: " + (", ".join(str(p) for p in paths) or "(no files)"))
    cases, problems = read_cases(paths)
    for problem in problems:
        print(f"skipped {problem}")
    outcomes = []
    for case in cases:
        try:
            outcomes.append(judge(case))
        except Exception as error:  # noqa: BLE001 - a report names the case and goes on
            print(f"skipped {case.id}: screen() raised {error!r}")
    report(outcomes, timings([o.case for o in outcomes], max(0, args.repeat)),
           summary=args.summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
