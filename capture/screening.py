"""Screening: a submission in, a verdict out, every reason in a salesperson's words.

The firm serves IT service providers only (MSPs, IT consultants, VARs).  The
seed article "The Dirty Little Secret about Referrals and Internet Leads" names
what staff lose their time on: companies that are not providers at all, far too
large, under budget, tire kickers who only want the price, and people who take
no part in the decision.  This module sets those aside so the review queue
holds leads worth a call; staff can still release anything it set aside.

Pure Python (no Flask, no database) so the rules can be read and tested alone;
thresholds and phrase lists come from configuration through
``rules_from_config``.  Where to look: the thresholds are ``ScreeningRules``;
the phrase lists (``OWN_IT_REQUESTS``, ``CLIENT_CONTEXT``, ``PRICE_ASKS``...)
live in ``capture.screening_phrases``, each entry with an example of what it
catches, after the shared vocabulary they are built from.

How the phrase rules read a message
-----------------------------------
Text is first normalised: curly quotes become straight, dashes become ``-``,
runs of spaces become one space (line breaks are kept, they end a clause).
Matching is case-insensitive and each entry of a list only matches whole words.
Every entry is a regular expression; a plain phrase such as ``our clinic`` is
one too.

``not_msp`` from text: the message is cut into clauses (at ``. ! ? ;``, line
breaks, and turns such as "but").  A clause counts when it has a first-person
marker (we, our, I, my...) and an ``OWN_IT_REQUESTS`` phrase, unless it has a
``CLIENT_CONTEXT`` phrase: an IT provider talks about its clients' servers all
day, and DESIGN.md says that must never count against it.  A
``PROVIDER_SELF_DESCRIPTIONS`` phrase anywhere ("we are an MSP", "we sell
managed IT services to...") vetoes the text rule for the whole submission.

``tire_kicker`` from text: some clause asks for our price (``PRICE_ASKS``, and
not the sender talking about its own prices, ``OWN_PRICE_MENTIONS``), and no
other part of the message asks for anything else.  The message is cut into
fragments (at commas, "and", "also"...); any ``OTHER_REQUESTS`` phrase (a call,
a proposal, targeting...) rules the flag out, and so does a question in a
fragment without a ``PRICE_TERMS`` word ("how do your campaigns work?").
Greetings and sign-offs ask nothing, so they never count; the few greetings
that are questions ("how are you?") are listed in ``PLEASANTRIES``.

Known limits (the rules err towards keeping a lead; staff see everything):
an end user with no first-person word ("The practice needs computer support"),
or one that names its own sites in the plural ("our dental offices need IT
support", read as clients), passes; a provider describing its own incident
without saying what it is ("we were hit by ransomware ourselves") is screened
out; "How much do you know about VoIP?" reads as a price question.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from capture.contract import PROVIDER_TYPES
from capture.contract import choice_label
from capture.screening_phrases import CLIENT_CONTEXT
from capture.screening_phrases import FIRST_PERSON
from capture.screening_phrases import OTHER_REQUESTS
from capture.screening_phrases import OTHERS_SPEECH
from capture.screening_phrases import OWN_IT_REQUESTS
from capture.screening_phrases import OWN_PRICE_MENTIONS
from capture.screening_phrases import PLEASANTRIES
from capture.screening_phrases import PRICE_ASKS
from capture.screening_phrases import PRICE_TERMS
from capture.screening_phrases import PROVIDER_SELF_DESCRIPTIONS
from capture.vocabulary import FLAGS
from capture.vocabulary import REASONS
from capture.vocabulary import Status

QUEUED = Status.QUEUED
SCREENED_OUT = Status.SCREENED_OUT
SPAM = Status.SPAM

#: Every id a Reason (screens out) or a flag (lowers priority) can carry.
REASON_IDS = tuple(REASONS)
FLAG_IDS = tuple(FLAGS)

# Choice values whose leads get a flag (DESIGN.md "Flags").
PRICING_ONLY_INTEREST = "pricing_only"
NON_DECIDING_ROLES = frozenset({"technician", "other"})

#: Evidence quoted from a message is cut to about this many characters.
EVIDENCE_LENGTH = 120

#: The rule code's own version: raise it whenever this module reads text or
#: judges differently, so ``rules_version`` changes with the code as well as
#: with the thresholds and phrase lists.
RULES_CODE_VERSION = 1

# Question openers; a fragment starting with one asks something.
_QUESTION_WORDS = frozenset({
    "how", "what", "when", "where", "which", "who", "why", "can", "could", "would", "do",
    "does", "did", "is", "are", "should", "shall",
})


# ---------------------------------------------------------------------------
# Public types.
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Reason:
    """Why a lead was set aside or flagged, in words a salesperson reads."""

    id: str
    sentence: str
    evidence: str


@dataclass(frozen=True)
class Verdict:
    """``status`` uses the stored lead statuses, so intake can store it as it is."""

    status: str
    reasons: tuple[Reason, ...] = ()
    flags: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class ScreeningRules:
    """Thresholds and phrase lists; every field is ``CAPTURE_SCREEN_<FIELD>``.

    Phrase lists are tuples of regular expressions (see the module docstring);
    replacing one replaces the whole default list.
    """

    max_employees: int = 500
    min_monthly_budget: int = 1500
    first_person: tuple[str, ...] = FIRST_PERSON
    others_speech: tuple[str, ...] = OTHERS_SPEECH
    own_it_requests: tuple[str, ...] = OWN_IT_REQUESTS
    client_context: tuple[str, ...] = CLIENT_CONTEXT
    provider_self_descriptions: tuple[str, ...] = PROVIDER_SELF_DESCRIPTIONS
    price_terms: tuple[str, ...] = PRICE_TERMS
    price_asks: tuple[str, ...] = PRICE_ASKS
    own_price_mentions: tuple[str, ...] = OWN_PRICE_MENTIONS
    other_requests: tuple[str, ...] = OTHER_REQUESTS
    pleasantries: tuple[str, ...] = PLEASANTRIES


DEFAULT_RULES = ScreeningRules()


def rules_from_config(config: Mapping[str, object]) -> ScreeningRules:
    """Build rules from Flask config keys ``SCREEN_*`` (the ``CAPTURE_`` prefix removed).

    Environment values arrive as strings ("500") or, where Flask could parse
    them as JSON, as ints and lists; both are accepted.  A phrase list may be a
    comma-separated string, but a pattern that itself holds a comma (``{0,3}``)
    needs the JSON list form.  Junk raises ``ValueError`` naming the key, so a
    typo in the environment fails loudly rather than quietly screening with
    the defaults.  Keys this module does not know are ignored.
    """
    changes: dict[str, object] = {}
    for field in dataclasses.fields(ScreeningRules):
        key = f"SCREEN_{field.name.upper()}"
        if key not in config:
            continue
        value = config[key]
        if isinstance(field.default, int):
            changes[field.name] = _whole_number(key, value)
        else:
            changes[field.name] = _patterns(key, value)
    return ScreeningRules(**changes)


def rules_fingerprint(rules: ScreeningRules) -> str:
    """The text ``rules_version`` hashes: the code's version marker, then every
    threshold and phrase list by name, as JSON with sorted keys (stable across
    runs, processes and machines, unlike ``hash()``)."""
    fields = {field.name: getattr(rules, field.name) for field in dataclasses.fields(rules)}
    return json.dumps({"code": RULES_CODE_VERSION, "rules": fields}, sort_keys=True,
                      ensure_ascii=False)


def rules_version(rules: ScreeningRules) -> str:
    """A short name for one rule set (12 hex digits of a SHA-256), so a verdict, a
    report or an evaluation can say which rules produced it; it changes whenever a
    threshold, a phrase list or the rule code (``RULES_CODE_VERSION``) changes."""
    return hashlib.sha256(rules_fingerprint(rules).encode("utf-8")).hexdigest()[:12]


def screen(submission: Mapping[str, object], rules: ScreeningRules = DEFAULT_RULES) -> Verdict:
    """Judge one cleaned submission: spam, screened out (with every reason) or queued.

    The honeypot is checked first and alone: a bot's other fields mean nothing,
    and a spam verdict carries no reasons that would hint at the trap.  Flags
    never change the status; they only tell staff what to expect.
    """
    if _field(submission, "company_fax").strip():
        return Verdict(SPAM)
    message = _Text.of(_field(submission, "message"))
    reasons = _present(
        _not_msp(submission, message, rules),
        _too_large(submission, rules),
        _under_budget(submission, rules),
    )
    flags = _present(
        _tire_kicker(submission, message, rules),
        _not_decision_maker(submission),
    )
    return Verdict(SCREENED_OUT if reasons else QUEUED, reasons, flags)


# ---------------------------------------------------------------------------
# The rules.
# ---------------------------------------------------------------------------

def _not_msp(submission: Mapping[str, object], message: _Text,
             rules: ScreeningRules) -> Reason | None:
    """A declared non-provider, or a provider type with a message asking for IT help.

    The website is read with the same rule as the message, its address turned
    into words ("https://acme.example/we-need-it-support" reads "we need it
    support").  A domain alone is a company name in another form
    (smithdental.com, dentalitsolutions.com), and DESIGN.md says a name never
    suffices; an address can only count when its words make the same
    first-person request a message would.
    """
    company_type = _field(submission, "company_type")
    if company_type not in PROVIDER_TYPES:
        label = choice_label("company_type", company_type) if company_type else "no type"
        return Reason(
            "not_msp",
            f"Describes the company as \u201c{label}\u201d; we only serve MSPs, "
            "IT consultants and VARs.",
            company_type or "(none)",
        )
    text = _without_others_speech(message, rules)
    if _search(rules.provider_self_descriptions, text.norm):
        return None
    span = _own_it_request(text, rules)
    if span:
        evidence = text.source(*span)
        return Reason(
            "not_msp",
            f"Asks for IT help for its own organisation (\u201c{evidence}\u201d); "
            "we only serve IT service providers.",
            evidence,
        )
    website = _field(submission, "website").strip()
    if website and _own_it_request(_Text.of(_url_words(website)), rules):
        return Reason(
            "not_msp",
            f"The website address reads as a request for IT help ({website}); "
            "we only serve IT service providers.",
            website,
        )
    return None


def _too_large(submission: Mapping[str, object], rules: ScreeningRules) -> Reason | None:
    employees = _number(submission.get("employees"))
    if employees is None or employees <= rules.max_employees:
        return None
    return Reason(
        "too_large",
        f"Has {employees:,} employees; we serve companies up to {rules.max_employees:,}.",
        str(employees),
    )


def _under_budget(submission: Mapping[str, object], rules: ScreeningRules) -> Reason | None:
    budget = _number(submission.get("monthly_budget"))
    if budget is None or budget >= rules.min_monthly_budget:
        return None
    return Reason(
        "under_budget",
        f"Budget of ${budget:,} a month; our minimum is ${rules.min_monthly_budget:,} a month.",
        str(budget),
    )


def _tire_kicker(submission: Mapping[str, object], message: _Text,
                 rules: ScreeningRules) -> Reason | None:
    if _field(submission, "interest") == PRICING_ONLY_INTEREST:
        label = choice_label("interest", PRICING_ONLY_INTEREST)
        return Reason(
            "tire_kicker",
            f"Chose \u201c{label}\u201d as what they are looking for: expect a price "
            "shopper, not a meeting.",
            PRICING_ONLY_INTEREST,
        )
    span = _price_only_request(message, rules)
    if span is None:
        return None
    evidence = message.source(*span)
    return Reason(
        "tire_kicker",
        f"The message only asks for our price (\u201c{evidence}\u201d): expect a price "
        "shopper, not a meeting.",
        evidence,
    )


def _not_decision_maker(submission: Mapping[str, object]) -> Reason | None:
    role = _field(submission, "role")
    if role not in NON_DECIDING_ROLES:
        return None
    return Reason(
        "not_decision_maker",
        f"Role is \u201c{choice_label('role', role)}\u201d: ask who else takes part in "
        "the buying decision.",
        role,
    )


def _own_it_request(text: _Text, rules: ScreeningRules) -> tuple[int, int] | None:
    """Span of the first clause where the sender asks IT help for itself."""
    for start, end in _clauses(text.norm, turns=True):
        clause = text.norm[start:end]
        if _search(rules.client_context, clause) or not _search(rules.first_person, clause):
            continue
        match = _search(rules.own_it_requests, clause)
        if match:
            return _evidence_span(start, end, start + match.start(), start + match.end())
    return None


def _price_only_request(text: _Text, rules: ScreeningRules) -> tuple[int, int] | None:
    """Span of the clause asking our price, if nothing else in the message asks anything."""
    asked = None
    for start, end in _clauses(text.norm, turns=False):
        clause = text.norm[start:end]
        hit = _price_ask(clause, rules) if asked is None else None
        if hit:
            asked = _evidence_span(start, end, start + hit.start(), start + hit.end())
        for fragment in _fragments(clause):
            if _search(rules.other_requests, fragment):
                return None
            if _search(rules.price_terms, fragment) or _fullmatch(rules.pleasantries, fragment):
                continue
            if _is_question(fragment):
                return None
    return asked


def _price_ask(clause: str, rules: ScreeningRules) -> re.Match[str] | None:
    """A price question about our price, not the sender talking of its own prices."""
    hit = _search(rules.price_asks, clause)
    if hit is None or re.search(r"\byou", clause, re.IGNORECASE):
        return hit
    return None if _search(rules.own_price_mentions, clause) else hit


def _is_question(fragment: str) -> bool:
    """Opens with a question word, or ends in "?" with at least two words.

    One word before a "?" is usually a name or a sign-off ("..., Bob?").
    """
    words = re.findall(r"[^\W_]+", fragment.lower())
    if not words:
        return False
    return words[0] in _QUESTION_WORDS or (fragment.rstrip().endswith("?") and len(words) > 1)


# ---------------------------------------------------------------------------
# Text handling.
# ---------------------------------------------------------------------------

_STRAIGHTEN = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-",
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
_SPACE_OR_CHAR = re.compile(r"\s+|.", re.DOTALL)
_CLAUSE = re.compile(r"[^.!?;\n]+[.!?;]*")
_TURN = re.compile(r"\b(?:but|however|although|though|whereas|yet)\b", re.IGNORECASE)
_FRAGMENT_BREAK = re.compile(r",|\b(?:and|or|also|plus|then|but|so)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Text:
    """A message normalised for matching, remembering where each character came from.

    Evidence must be the sender's own words, so spans found in the normalised
    text are mapped back to the original rather than quoting the normalised copy.
    """

    original: str
    norm: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> _Text:
        chars, starts = [], []
        for match in _SPACE_OR_CHAR.finditer(original):
            piece = match.group()
            if piece.isspace():
                piece = "\n" if any(c in piece for c in "\n\r\v\f\u2028\u2029") else " "
            chars.append(piece.translate(_STRAIGHTEN))
            starts.append(match.start())
        return cls(original, "".join(chars), tuple(starts))

    def source(self, start: int, end: int) -> str:
        return self.original[self.starts[start]:self.starts[end - 1] + 1].strip()


_QUOTATION = re.compile(
    r'"[^"\n]{1,300}"'
    r"|(?<!\w)'(?=\S)(?:[^'\n]|'(?=\w)){1,300}?(?<=\S)'(?!\w)"
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _without_others_speech(text: _Text, rules: ScreeningRules) -> _Text:
    """The text with the quotations of others blanked out.

    A quotation is someone else's when the words leading to it (its sentence,
    or the sentence before when that is too short to name a speaker) or the
    sentence right after it name another party (``OTHERS_SPEECH``): "A client
    told me, 'we need IT support'".  Quoted words of the sender's own people
    ("Dr. O'Brien told me, 'find us an IT company'") stay.  Blanks keep every
    position, so evidence still maps back to the original.
    """
    norm = text.norm
    for quote in _QUOTATION.finditer(text.norm):
        start, end = quote.span()
        lead_start = _sentence_start(norm, start)
        if len(norm[lead_start:start].split()) < 3:
            lead_start = _sentence_start(norm, lead_start - 1)
        after = _SENTENCE_END.search(norm, end + 1)
        tail = norm[end:after.end() if after else len(norm)]
        if _search(rules.others_speech, norm[lead_start:start] + " / " + tail):
            norm = norm[:start] + " " * (end - start) + norm[end:]
    return dataclasses.replace(text, norm=norm)


def _sentence_start(norm: str, position: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(norm, 0, max(0, position - 1))]
    return ends[-1] if ends else 0


def _clauses(norm: str, *, turns: bool) -> list[tuple[int, int]]:
    """Sentence spans (terminator included), cut again at "but" etc. when ``turns``."""
    spans = []
    for clause in _CLAUSE.finditer(norm):
        start = clause.start()
        if turns:
            for turn in _TURN.finditer(norm, start, clause.end()):
                spans.append((start, turn.start()))
                start = turn.end()
        spans.append((start, clause.end()))
    return [(s, e) for s, e in spans if norm[s:e].strip()]


def _fragments(clause: str) -> list[str]:
    return [f for f in _FRAGMENT_BREAK.split(clause) if f.strip()]


def _evidence_span(start: int, end: int, hit_start: int, hit_end: int) -> tuple[int, int]:
    """The clause, or when it is long, about ``EVIDENCE_LENGTH`` characters around the hit."""
    if end - start <= EVIDENCE_LENGTH:
        return start, end
    room = max(0, EVIDENCE_LENGTH - (hit_end - hit_start)) // 2
    begin = max(start, hit_start - room)
    return begin, max(hit_end, min(end, begin + EVIDENCE_LENGTH))


def _url_words(url: str) -> str:
    without_scheme = re.sub(r"^[a-z][a-z0-9+.-]*://(?:www\.)?", "", url, flags=re.IGNORECASE)
    return re.sub(r"[\W_]+", " ", without_scheme).strip()


@functools.lru_cache(maxsize=128)
def _compiled(patterns: tuple[str, ...], whole: bool) -> re.Pattern[str] | None:
    """One alternation per list; each entry matches whole words only."""
    if not patterns:
        return None
    source = "|".join(f"(?:{p})" for p in patterns)
    if whole:
        source = rf"\W*(?:{source})\W*"
    return re.compile(rf"(?<!\w)(?:{source})(?!\w)", re.IGNORECASE)


def _search(patterns: tuple[str, ...], text: str) -> re.Match[str] | None:
    pattern = _compiled(patterns, False)
    return pattern.search(text) if pattern else None


def _fullmatch(patterns: tuple[str, ...], text: str) -> bool:
    pattern = _compiled(patterns, True)
    return bool(pattern and pattern.fullmatch(text.strip()))


# ---------------------------------------------------------------------------
# Small helpers.
# ---------------------------------------------------------------------------

def _present(*items: Reason | None) -> tuple[Reason, ...]:
    return tuple(item for item in items if item is not None)


def _field(submission: Mapping[str, object], name: str) -> str:
    value = submission.get(name)
    return "" if value is None else str(value)


def _number(value: object) -> int | None:
    """Cleaned submissions hold ints; tolerate digit strings, ignore anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _whole_number(key: str, value: object) -> int:
    if isinstance(value, str) and re.fullmatch(r"\s*\d+\s*", value):
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise ValueError(f"{key} must be a whole number of at least 0, got {value!r}")


def _patterns(key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        items: list[object] = value.split(",")
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        raise ValueError(f"{key} must be a list of phrases or a comma-separated string, "
                         f"got {value!r}")
    patterns = []
    for item in items:
        if not isinstance(item, str):
            raise ValueError(f"{key} must hold only strings, got {item!r}")
        if not item.strip():
            continue
        try:
            re.compile(item)
        except re.error as error:
            raise ValueError(f"{key}: {item!r} is not a valid pattern ({error})") from None
        patterns.append(item.strip())
    return tuple(patterns)
