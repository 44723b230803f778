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
runs of spaces become one space (line breaks are kept, they end a clause), and
letters become lower case, "IT" in capitals (the noun, unlike the pronoun "it")
keeping a mark of its own.  Matching is case-insensitive and each entry of a
list only matches whole words.  Every entry is a regular expression; a plain
phrase such as ``our clinic`` is one too.  (Lists are matched against the
lower-cased text for speed; an entry with a capital letter in it is matched
ignoring case, and ``(?-i:IT)`` finds the noun.)

``not_msp`` from text reads the sender's own organisation.  Quotations of
others are blanked first (``OTHERS_SPEECH``: "a client told me, 'we need IT
support'" is the client's request).  Then:
- a provider's description of itself anywhere (``PROVIDER_SELF_DESCRIPTIONS``:
  "we are an MSP", "we support 40 dental offices", "we install and manage
  their computers", "now we sell failover to clients") keeps the lead; the
  clients or organisations it counts make it a provider only with IT after
  them ("40 businesses with managed IT", not "200 clients with their
  payroll");
- the sender describing itself in another line of business
  (``OWN_LINE_OF_BUSINESS``: "we're a civil engineering firm", "I run six
  restaurants", "General contractor here.") screens it out: that is the
  strongest evidence there is, whatever box it ticked;
- so does a request for IT help or an IT provider for itself
  (``OWN_IT_REQUESTS``: "choosing a new managed IT partner", "someone to look
  after our computers"), and its own IT broken (``OWN_IT_BROKEN``: "our server
  keeps crashing");
- a vague request ("someone to take care of all of it", ``VAGUE_REQUESTS``)
  counts only beside a sign of the sender's own organisation, its workplace or
  its own IT (``OWN_ORGANISATION_HINTS``: "our church", "our patients";
  ``OWN_WORKPLACES``: "the plant floor"; ``OWN_IT_CONTEXT``: "we have six
  computers");
- trouble with IT told without asking (``OWN_IT_TROUBLES``: "the office
  computer is ancient") counts only beside the sender's own organisation (a
  line of business or a hint, not a workplace: a provider names its clients'
  places and troubles the same way);
- broken IT and trouble count not at all from a sender who wants what we sell
  (``OUR_SERVICE_WORDS``: appointments, a campaign, more clients) and names no
  other line of business: that is a provider telling of its own office.
The message is cut into clauses (at ``. ! ? ;``, line breaks, and turns such
as "but").  A request counts only when the sender makes it for itself: the
clause is not about those it serves (``CLIENT_CONTEXT``: "we support 40
dental offices"), the request's subject is not someone else (``OTHER_PARTIES``:
"our clients need", "they want", "small businesses need"), and the clause
speaks for the sender (a first-person word, no subject, its own name, or its
own organisation or people as the subject, ``OWN_SUBJECTS``: "The town hall
needs IT support", "our office manager wants"; the sender's own organisation
as the subject also wins over the people it names: "Our firm of 12 lawyers
needs...").  Clients are only someone else's when the sender
serves them: a law firm's clients do not make it a provider.  Every reason
quotes the words it rests on.

When the phrases find neither a provider describing itself nor any end-user
evidence, the word model (``capture.screening_model``, trained on the labelled
corpora) reads the message and the company's name, if the message names some
IT thing (``IT_THINGS``), nothing of what we sell (``OUR_SERVICE_WORDS``) and
no one the sender serves (``CLIENT_CONTEXT``).
At ``model_threshold`` percent or more it gives ``not_msp``, quoting the
sender's clause and the message's words that weighed most.  It finds the end
users who describe their trouble in words no list holds ("the register pc
freezes every morning, who do i talk to"); a provider that never says what it
sells and talks only of its clients' machines can be mistaken for one.

``tire_kicker`` from text: some clause asks for our price (``PRICE_ASKS``, and
not the sender talking about its own prices, ``OWN_PRICE_MENTIONS``), and no
other part of the message asks for anything else.  The message is cut into
fragments (at commas, "and", "also"...); any ``OTHER_REQUESTS`` phrase (a call,
a proposal, targeting...) rules the flag out, and so does a question in a
fragment without a ``PRICE_TERMS`` word ("how do your campaigns work?").
Greetings and sign-offs ask nothing, so they never count; the few greetings
that are questions ("how are you?") are listed in ``PLEASANTRIES``.

Known limits (staff see everything screening set aside and can release it):
the rules read words, not meaning, so they miss what they have no words for.
An end user that neither names its line of business (or the people it serves)
nor asks in a known way passes ("The card reader keeps failing." alone: "the"
things in trouble count only beside the sender's organisation), and so does
one whose trade is missing from the vocabulary.  "Our own ..." reads as a
provider setting its IT beside its clients', so an end user whose only words
are "our own server needs replacing" passes.  A provider saying it is a
provider ("we are an MSP") is never screened out by its text, even if it also
asks for IT help for itself; a provider that never says so, nor what it sells,
but describes its own IT trouble ("our computers are old but our service is
great", "we were hit by ransomware ourselves") is screened out, and so is one
that names itself with a line of business from the vocabulary and never says
"IT" ("we're an engineering firm" from a network engineering company).
Quotations count as others' only when a party is named next to them.  A price
question in words the lists lack ("what would 10 meetings set me back?") is
not seen, and any other question rules the flag out, even one that asks
nothing of us ("Is this John?").
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
from capture.screening_model import WordModel
from capture.screening_model import model_text
from capture.screening_phrases import CLIENT_CONTEXT
from capture.screening_phrases import FIRST_PERSON
from capture.screening_phrases import IT_THINGS
from capture.screening_phrases import OTHER_PARTIES
from capture.screening_phrases import OTHER_REQUESTS
from capture.screening_phrases import OTHERS_SPEECH
from capture.screening_phrases import OUR_SERVICE_WORDS
from capture.screening_phrases import OWN_IT_BROKEN
from capture.screening_phrases import OWN_IT_CONTEXT
from capture.screening_phrases import OWN_IT_REQUESTS
from capture.screening_phrases import OWN_IT_TROUBLES
from capture.screening_phrases import OWN_LINE_OF_BUSINESS
from capture.screening_phrases import OWN_ORGANISATION_HINTS
from capture.screening_phrases import OWN_PRICE_MENTIONS
from capture.screening_phrases import OWN_SPEAKERS
from capture.screening_phrases import OWN_SUBJECTS
from capture.screening_phrases import OWN_WORKPLACES
from capture.screening_phrases import PLEASANTRIES
from capture.screening_phrases import PRICE_ASKS
from capture.screening_phrases import PRICE_TERMS
from capture.screening_phrases import PROVIDER_SELF_DESCRIPTIONS
from capture.screening_phrases import VAGUE_REQUESTS
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

#: The word model (``capture.screening_model``): the second reader of ``not_msp``.
MODEL = WordModel.load()

# Words too common to show a salesperson as what the model leaned on (they still count).
_QUIET_WORDS = frozenset({
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has",
    "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me",
    "more", "most", "much", "my", "no", "not", "now", "of", "on", "one", "or", "so", "some",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "to", "too", "up", "us", "was", "we", "were", "what", "when", "where", "which",
    "who", "why", "will", "with", "would", "you", "your",
})

#: The rule code's own version: raise it whenever this module reads text or
#: judges differently, so ``rules_version`` changes with the code as well as
#: with the thresholds and phrase lists.
RULES_CODE_VERSION = 19

# Question openers; a fragment starting with one asks something.
_QUESTION_WORDS = frozenset({
    "how", "what", "why", "can", "could", "would", "do", "does", "did", "is", "are",
    "should", "shall",
})
# Openers that as often begin a relative clause (", which made my day"): a question
# only with its "?".
_RELATIVE_WORDS = frozenset({"when", "where", "which", "who"})


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
    #: The word model screens out at this probability, in percent, or more; 0 turns
    #: it off (the phrase rules alone then decide ``not_msp``).
    model_threshold: int = 70
    first_person: tuple[str, ...] = FIRST_PERSON
    others_speech: tuple[str, ...] = OTHERS_SPEECH
    own_speakers: tuple[str, ...] = OWN_SPEAKERS
    own_subjects: tuple[str, ...] = OWN_SUBJECTS
    other_parties: tuple[str, ...] = OTHER_PARTIES
    own_it_requests: tuple[str, ...] = OWN_IT_REQUESTS
    vague_requests: tuple[str, ...] = VAGUE_REQUESTS
    own_it_context: tuple[str, ...] = OWN_IT_CONTEXT
    own_it_broken: tuple[str, ...] = OWN_IT_BROKEN
    own_it_troubles: tuple[str, ...] = OWN_IT_TROUBLES
    own_line_of_business: tuple[str, ...] = OWN_LINE_OF_BUSINESS
    own_organisation_hints: tuple[str, ...] = OWN_ORGANISATION_HINTS
    own_workplaces: tuple[str, ...] = OWN_WORKPLACES
    it_things: tuple[str, ...] = IT_THINGS
    our_service_words: tuple[str, ...] = OUR_SERVICE_WORDS
    client_context: tuple[str, ...] = CLIENT_CONTEXT
    provider_self_descriptions: tuple[str, ...] = PROVIDER_SELF_DESCRIPTIONS
    price_terms: tuple[str, ...] = PRICE_TERMS
    price_asks: tuple[str, ...] = PRICE_ASKS
    own_price_mentions: tuple[str, ...] = OWN_PRICE_MENTIONS
    other_requests: tuple[str, ...] = OTHER_REQUESTS
    pleasantries: tuple[str, ...] = PLEASANTRIES

    @functools.cached_property
    def workplaces_or_own_it(self) -> tuple[str, ...]:
        """``own_workplaces`` and ``own_it_context`` as one list: what makes a vague
        request the sender's own.  Joined once per rule set, not on every message."""
        return self.own_workplaces + self.own_it_context


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
            if field.name == "model_threshold" and changes[field.name] > 100:
                raise ValueError(f"{key} is a percentage from 0 (off) to 100, got {value!r}")
        else:
            changes[field.name] = _patterns(key, value)
    return ScreeningRules(**changes)


def rules_fingerprint(rules: ScreeningRules) -> str:
    """The text ``rules_version`` hashes: the code's version marker, the word model's
    digest, then every threshold and phrase list by name, as JSON with sorted keys
    (stable across runs, processes and machines, unlike ``hash()``)."""
    fields = {field.name: getattr(rules, field.name) for field in dataclasses.fields(rules)}
    return json.dumps({"code": RULES_CODE_VERSION, "model": MODEL.digest, "rules": fields},
                      sort_keys=True, ensure_ascii=False)


def rules_version(rules: ScreeningRules) -> str:
    """A short name for one rule set (12 hex digits of a SHA-256), so a verdict, a
    report or an evaluation can say which rules produced it; it changes whenever a
    threshold, a phrase list, the word model or the rule code (``RULES_CODE_VERSION``)
    changes."""
    return hashlib.sha256(rules_fingerprint(rules).encode("utf-8")).hexdigest()[:12]


def compile_rules(rules: ScreeningRules) -> None:
    """Compile every pattern the rules can use, so no visitor's request pays for it.

    The phrase lists compile into a few large alternations (about 1.5 s in all);
    compiled lazily, each worker process paid for them in the first requests that
    reached each branch, which showed as 9% of a worker's time in a 10-second load
    test.  Server workers call this as they start, on a thread of their own
    (``capture.app.compile_screening_in_background``).
    """
    for field in dataclasses.fields(rules):
        value = getattr(rules, field.name)
        if isinstance(value, tuple):
            _compiled(value, False)
    _compiled(rules.workplaces_or_own_it, False)
    _compiled(rules.pleasantries, True)
    _compiled_at_end(rules.other_parties)
    _compiled_subject(rules.own_subjects)


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
    """A declared non-provider, or a provider type whose own words say otherwise.

    The message says who the sender is and what it asks for.  A provider's own
    description of itself settles it.  Otherwise the sender's organisation in
    another line of business ("we're a civil engineering firm") is enough, and
    so is a request for IT help or an IT provider for itself ("choosing a new
    managed IT partner"); a vague request ("someone to take care of all of it")
    needs the organisation, its workplace or its own IT named elsewhere, and
    trouble told without asking ("the office computer is ancient") needs the
    organisation itself.  Requests of its
    clients and words it quotes from others are not its own.  Every reason
    quotes the words it rests on.

    The website is read with the request rule, its address turned into words
    ("https://acme.example/we-need-it-support" reads "we need it support").  A
    domain alone is a company name in another form (smithdental.com), and
    DESIGN.md says a name never suffices.
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
    organisation = _own_words(text, rules.own_line_of_business, rules, speaker=False)
    # Broken IT or trouble told by a sender who wants what we sell and names no other
    # line of business is a provider's own story ("Our office had a power outage and
    # our phones were down ... We want to grow from 60 clients to 100").
    wants_ours = bool(_search(rules.our_service_words, text.norm))
    plea = bool(organisation) or not wants_ours
    request = _own_words(text, rules.own_it_requests, rules)
    if request is None and plea:
        request = _own_words(text, rules.own_it_broken, rules)
    if request is None:
        vague = _own_words(text, rules.vague_requests, rules)
        own = organisation or _own_words(text, rules.own_organisation_hints, rules,
                                         speaker=False)
        support = own or _own_words(text, rules.workplaces_or_own_it, rules, speaker=False)
        trouble = own and not vague and plea and _own_words(text, rules.own_it_troubles, rules)
        if vague and support:
            request, organisation = vague, support
        elif trouble:
            request, organisation = trouble, own
    if organisation or request:
        return _not_msp_reason(text, organisation, request)
    website = _field(submission, "website").strip()
    if website and _own_words(_Text.of(_url_words(website)), rules.own_it_requests, rules):
        return Reason(
            "not_msp",
            f"The website address reads as a request for IT help ({website}); "
            "we only serve IT service providers.",
            website,
        )
    if wants_ours:  # (a buyer of our service: the word model is not asked)
        return None
    return _word_model_reason(text, _field(submission, "company"), rules)


#: How every reason the word model gives begins: the screening quality page counts
#: the model's share of ``not_msp`` (and how often staff overrule it) by this text.
WORD_MODEL_SENTENCE = "Reads as an end user asking IT help for itself"


def _word_model_reason(text: _Text, company: str, rules: ScreeningRules) -> Reason | None:
    """The word model's verdict, when the phrase rules found nothing either way.

    It is asked only when the message names some IT thing (``IT_THINGS``),
    nothing of what we sell (``OUR_SERVICE_WORDS``) and no one the sender serves
    (``CLIENT_CONTEXT``): words without an IT subject are no evidence of IT
    wanted, a sender who wants appointments or a campaign is buying our service,
    as only a provider does, and "a help desk for our customers" is a provider's
    need, whatever words it uses.  It reads the message as sent (quotations
    included: the model learned from whole messages) and the company's name.  The
    reason quotes the clause that holds the word weighing most towards "end user",
    and names the message's words the model leaned on, so the evidence is the
    sender's own words, never a bare score.
    """
    if (not rules.model_threshold or not _search(rules.it_things, text.norm)
            or _search(rules.client_context, text.norm)):
        return None
    read = model_text(text.original, company)
    if MODEL.probability(read) * 100 < rules.model_threshold:
        return None
    shown = [found for found in (_word_in(text.original, word)
                                 for word in MODEL.leaning_words(read, count=20)
                                 if word not in _QUIET_WORDS) if found][:3]
    if not shown:  # nothing of the sender's own message to show: no verdict
        return None
    quoted = _clause_with(text, shown[0].lower()) or shown[0]
    listed = ", ".join(f"\u201c{word}\u201d" for word in shown)
    return Reason(
        "not_msp",
        f"{WORD_MODEL_SENTENCE} (\u201c{quoted}\u201d; the words "
        f"that weigh most: {listed}); we only serve IT service providers.",
        quoted,
    )


def _word_in(message: str, word: str) -> str | None:
    """``word`` as the message writes it (its case), if the message holds it whole."""
    found = re.search(_whole_word(word), message, re.IGNORECASE)
    return found.group() if found else None


def _whole_word(word: str) -> str:
    return rf"(?<!\w){re.escape(word)}(?!\w)"


def _clause_with(text: _Text, word: str) -> str | None:
    """The sender's clause around the first whole-word ``word``, as written."""
    found = re.search(_whole_word(word), text.norm)
    if found is None:
        return None
    for start, end in text.clauses:
        if start <= found.start() < end:
            return text.source(*_evidence_span(text.norm, start, end, *found.span()))
    return None


def _not_msp_reason(text: _Text, organisation: tuple[int, int] | None,
                    request: tuple[int, int] | None) -> Reason:
    """One sentence quoting each piece of evidence as the sender wrote it."""
    said = text.source(*organisation) if organisation else None
    asked = text.source(*request) if request else None
    if said and asked and (said in asked or asked in said):
        said, asked = None, max(said, asked, key=len)
    if said and asked:
        sentence = (f"Speaks of its own organisation (\u201c{said}\u201d) and asks for IT "
                    f"help for itself (\u201c{asked}\u201d)")
    elif asked:
        sentence = f"Asks for IT help for its own organisation (\u201c{asked}\u201d)"
    else:
        sentence = (f"Describes its own organisation, whose line of business is not IT "
                    f"services (\u201c{said}\u201d)")
    return Reason("not_msp", f"{sentence}; we only serve IT service providers.",
                  asked or said or "")


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


def _own_words(text: _Text, patterns: tuple[str, ...], rules: ScreeningRules, *,
               speaker: bool = True) -> tuple[int, int] | None:
    """Evidence span of the first clause where the sender says ``patterns`` of itself.

    A clause about those the sender serves (``client_context``) never counts,
    nor a match whose subject is someone else ("our clients need", "they want",
    ``other_parties``).  With ``speaker`` the clause must also speak for the
    sender: a first-person word, no subject at all ("Looking for an MSP..."),
    a question put to us ("...the shop PC is slow too, can you help", which is the
    sender's whatever stands before it), or the sender's name as the subject
    ("Heartland Credit Union will issue...").
    """
    pattern = _compiled(patterns, False)
    if pattern is None:
        return None
    about_clients = _clauses_about_clients(text.norm, rules.client_context) if speaker else ()
    for start, end in text.clauses:
        clause = text.norm[start:end]
        if (start, end) in about_clients:
            continue
        for match in pattern.finditer(clause):
            lead = clause[:match.start()]
            addressed = bool(_ADDRESSED.match(match.group()))
            if not addressed and _said_of_others(lead, rules):
                continue
            if speaker and not (_search(rules.first_person, clause) or _HOLLOW.fullmatch(lead)
                                or addressed or _own_subject(lead, rules)
                                or _named_subject(text, start, lead, match.group())):
                continue
            return _evidence_span(text.norm, start, end, start + match.start(),
                                  start + match.end())
    return None


@functools.lru_cache(maxsize=16)
def _clauses_about_clients(norm: str, patterns: tuple[str, ...]) -> frozenset[tuple[int, int]]:
    """The clause spans about those the sender serves; several lists read the same
    message, so this is worked out once per message."""
    return frozenset((start, end) for start, end in _clauses(norm, turns=True)
                     if _search(patterns, norm[start:end]))


# A request put to us is the sender's own: "can you help", "you can repair?".
_ADDRESSED = re.compile(r"(?:can|could|would|will|do|did|are|is) (?:you|u|y'all|your)\b"
                        r"|you (?:can|could)\b|(?:is (?:this|that|it) )?something (?:you|u)\b")
# Words that may stand before a request without naming who asks ("Hi, looking for...").
_HOLLOW = re.compile(
    r"\W*(?:(?:hi|hello|hey|dear|so|and|also|now|currently|ideally|basically|honestly"
    r"|really|just|still|then|ok|okay|yes|well|please|urgently|again|anyway)\W+)*")
# A verb that agrees with many, not one organisation: "CPAs need", "firms are".
_PLURAL_VERB = re.compile(
    r"\b(?:are|were|have|need|want|require|look|keep)\b(?:\W+\w+)?\W*$|^(?:need|want|require"
    r"|look|are|have)\b")
# Where a subject is, not who: "Hospitals and clinics in Ohio are choosing...".
_TRAILING_PLACE = re.compile(
    r"(?:\s+(?:in|across|around|near|from|at|throughout|all over|outside)"
    r"(?:\s+[\w'.-]+){1,3})+\s*$")
# Words between a subject and its verb: "our clients are all looking for".
_TRAILING_AUX = re.compile(
    r"(?:\W+(?:all|often|usually|also|still|really|typically|mostly|always|now|just|are|is"
    r"|were|was|will|would|may|might|sometimes|never|currently|constantly|regularly"
    r"|frequently|then|actually|eventually|do|does|don't|doesn't|did|already|even|only"
    r"|generally|simply|probably|should|could|can|must|right now|keep|keeps|have|has"
    r"|everywhere|nationwide|today|lately|again|these days|this year|increasingly"
    r"|suddenly|finally|want to|wants to|need to|needs to|plan to|plans to|hope to"
    r"|would like to|like to))*\W*$")
_NOT_NAMES = frozenset({
    "the", "a", "an", "every", "each", "any", "all", "most", "many", "some", "small", "local",
    "this", "that", "these", "those", "when", "if", "our", "my", "their", "your", "his", "her",
    "its", "lots", "plenty", "half", "one", "no", "both", "such", "other", "another", "they",
    "he", "she", "it", "you", "there", "here", "what", "how", "why", "who", "which", "where",
    "as", "since", "because", "after", "before", "while", "also", "and", "but", "so", "then",
    "now", "today", "just", "only", "even", "still", "yet", "hi", "hello", "dear", "thanks",
    "please", "we", "i", "windows", "microsoft",
})


def _said_of_others(lead: str, rules: ScreeningRules) -> bool:
    """Whether the words before a match make its subject someone other than the sender.

    The sender's own organisation as the subject wins, however many people it
    names: "Our firm of 12 lawyers needs..." is the firm's request, not the lawyers'.
    """
    if _own_subject(lead, rules):
        return False
    pattern = _compiled_at_end(rules.other_parties)
    lead = _TRAILING_AUX.sub("", re.sub(r"\([^)]*\)", " ", lead))
    lead = _TRAILING_PLACE.sub("", lead)
    return bool(pattern and pattern.search(lead))


def _own_subject(lead: str, rules: ScreeningRules) -> bool:
    """Whether the words before a match open with the sender's own organisation or
    people as the subject, a few words at most before the match ("The town hall
    needs", "our office manager wants")."""
    pattern = _compiled_subject(rules.own_subjects)
    return bool(pattern and pattern.search(lead))


def _named_subject(text: _Text, start: int, lead: str, asked: str) -> bool:
    """Whether the clause opens with a name ("Heartland Credit Union will...", "The
    Chamber of Commerce office needs..."): a capitalised first word that is not a
    common one, with a verb for one organisation ("CPAs need help" names none)."""
    if _PLURAL_VERB.search(lead) or _PLURAL_VERB.match(asked):
        return False
    words = list(re.finditer(r"\w+", lead))[:2]
    if words and words[0].group().lower() == "the":
        words = words[1:]
    if not words or words[0].group().lower() in _NOT_NAMES:
        return False
    return text.original[text.starts[start + words[0].start()]].isupper()


def _price_only_request(text: _Text, rules: ScreeningRules) -> tuple[int, int] | None:
    """Span of the clause asking our price, if nothing else in the message asks anything.

    The price question is looked for first: most messages have none, and then
    the fragments need no reading at all.  What the sender quotes asks nothing
    of us ("outfits that wanted to 'hop on a quick call' for weeks"), so the
    other requests are looked for outside quotations.
    """
    clauses = _clauses(text.norm, turns=False)
    asked = None
    for start, end in clauses:
        hit = _price_ask(text.norm[start:end], rules)
        if hit:
            asked = _evidence_span(text.norm, start, end, start + hit.start(),
                                   start + hit.end())
            break
    if asked is None:
        return None
    unquoted = _QUOTATION.sub(lambda quote: " " * len(quote.group()), text.norm)
    for start, end in clauses:
        in_price_clause = start <= asked[0] < end
        for fragment in _fragments(unquoted[start:end]):
            if _search(rules.other_requests, fragment):
                return None
            if _search(rules.price_terms, fragment) or _fullmatch(rules.pleasantries, fragment):
                continue
            if _is_question(fragment, opener_only=in_price_clause):
                return None
    return asked


def _price_ask(clause: str, rules: ScreeningRules) -> re.Match[str] | None:
    """A price question about our price, not the sender talking of its own prices."""
    hit = _search(rules.price_asks, clause)
    if hit is None or re.search(r"\byou", clause):
        return hit
    return None if _search(rules.own_price_mentions, clause) else hit


def _is_question(fragment: str, *, opener_only: bool = False) -> bool:
    """Opens with a question word, or ends in "?" with at least two words.

    One word before a "?" is usually a name or a sign-off ("..., Bob?"); "which",
    "who", "when" and "where" open a question only with its "?".  In the
    clause that asks the price, only an opener counts: the "?" there belongs to
    the price question ("how much for a plan covering 4 laptops and a NAS?").
    """
    words = re.findall(r"[^\W_]+", fragment.lower())
    if not words:
        return False
    asks = fragment.rstrip().endswith("?")
    if words[0] in _QUESTION_WORDS or (words[0] in _RELATIVE_WORDS and asks):
        return True
    return not opener_only and asks and len(words) > 1


# ---------------------------------------------------------------------------
# Text handling.
# ---------------------------------------------------------------------------

_STRAIGHTEN = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-",
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
_SPACES = re.compile(r"\s+")
_LINE_BREAK = re.compile("[\n\r\v\f\u2028\u2029]")
_CLAUSE = re.compile(r"[^.!?;\n]+[.!?;]*")
_NOT_A_FULL_STOP = re.compile(
    r"\b(?:dr|st|mr|mrs|ms|jr|sr|inc|ltd|co|corp|vs|approx|no|ave|mt|rev|prof|dept|fr)\.(?= )"
    r"|\d\.\d|\be\.g\.|\bi\.e\.")
_TURN = re.compile(r"\b(?:but|however|although|though|whereas|yet)\b")
_FRAGMENT_BREAK = re.compile(r",|\b(?:and|or|also|plus|then|but|so)\b")


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
        straight = original.translate(_STRAIGHTEN)
        pieces: list[str] = []
        starts: list[int] = []
        done = 0
        for space in _SPACES.finditer(straight):
            pieces.append(straight[done:space.start()])
            starts.extend(range(done, space.start()))
            pieces.append("\n" if _LINE_BREAK.search(space.group()) else " ")
            starts.append(space.start())
            done = space.end()
        pieces.append(straight[done:])
        starts.extend(range(done, len(straight)))
        return cls(original, _lowered("".join(pieces)), tuple(starts))

    def source(self, start: int, end: int) -> str:
        return self.original[self.starts[start]:self.starts[end - 1] + 1].strip()

    @functools.cached_property
    def clauses(self) -> list[tuple[int, int]]:
        """Clause spans, cut at sentence ends and at turns such as "but"."""
        return _clauses(self.norm, turns=True)


_QUOTATION = re.compile(
    r'"[^"\n]{1,300}"'
    r"|(?<!\w)'(?=\S)(?:[^'\n]|'(?=\w)){1,300}?(?<=\S)'(?!\w)"
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _without_others_speech(text: _Text, rules: ScreeningRules) -> _Text:
    """The text with the quotations of others blanked out.

    A quotation is someone else's when the words leading to it (its sentence,
    or the sentence before when that is too short to name a speaker) or the
    sentence right after it name another party (``OTHERS_SPEECH``: "A client
    told me, 'we need IT support'"), and also when it speaks in the first person
    without being given to the sender's own people (``OWN_SPEAKERS``): a
    provider quotes its typical client far more often than an end user puts
    its own request in quotation marks.  "Dr. O'Brien told me, 'find us an IT
    company'" stays, and so do scare quotes ("three different 'IT guys'").
    Blanks keep every position, so evidence still maps back to the original.
    """
    norm = text.norm
    stops = _full_stops_only(norm)
    for quote in _QUOTATION.finditer(text.norm):
        start, end = quote.span()
        lead_start = _sentence_start(stops, start)
        if len(norm[lead_start:start].split()) < 3:
            lead_start = _sentence_start(stops, lead_start - 1)
        lead = norm[lead_start:start]
        after = _SENTENCE_END.search(stops, end + 1)
        tail = norm[end:after.end() if after else len(norm)]
        others = _search(rules.others_speech, lead + " / " + tail) or (
            _search(rules.first_person, quote.group())
            and not _search(rules.own_speakers, lead))
        if others:
            norm = norm[:start] + " " * (end - start) + norm[end:]
    return dataclasses.replace(text, norm=norm)


def _sentence_start(norm: str, position: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(norm, 0, max(0, position - 1))]
    return ends[-1] if ends else 0


def _clauses(norm: str, *, turns: bool) -> list[tuple[int, int]]:
    """Sentence spans (terminator included), cut again at "but" etc. when ``turns``.

    The full stop of a title or an abbreviation ("Dr. Patel", "St. Anne's") or of
    a number ("2.5") ends no sentence.
    """
    spans = []
    for clause in _CLAUSE.finditer(_full_stops_only(norm)):
        start = clause.start()
        if turns:
            for turn in _TURN.finditer(norm, start, clause.end()):
                spans.append((start, turn.start()))
                start = turn.end()
        spans.append((start, clause.end()))
    return [(s, e) for s, e in spans if norm[s:e].strip()]


def _full_stops_only(norm: str) -> str:
    """The text with the full stops that end no sentence ("Dr.", "2.5") replaced."""
    return _NOT_A_FULL_STOP.sub(lambda stop: stop.group().replace(".", "\u00b7"), norm)


def _fragments(clause: str) -> list[str]:
    return [f for f in _FRAGMENT_BREAK.split(clause) if f.strip()]


def _evidence_span(norm: str, start: int, end: int, hit_start: int,
                   hit_end: int) -> tuple[int, int]:
    """The clause, or when it is long, about ``EVIDENCE_LENGTH`` characters around the
    hit, never starting or ending inside a word."""
    if end - start <= EVIDENCE_LENGTH:
        return start, end
    room = max(0, EVIDENCE_LENGTH - (hit_end - hit_start)) // 2
    begin = max(start, hit_start - room)
    finish = max(hit_end, min(end, begin + EVIDENCE_LENGTH))
    while begin < hit_start and norm[begin - 1].isalnum() and begin > start:
        begin += 1
    while finish > hit_end and finish < end and norm[finish].isalnum():
        finish -= 1
    return begin, finish


def _url_words(url: str) -> str:
    without_scheme = re.sub(r"^[a-z][a-z0-9+.-]*://(?:www\.)?", "", url, flags=re.IGNORECASE)
    return re.sub(r"[\W_]+", " ", without_scheme).strip()


# "IT" the noun, written in capitals, as opposed to "it" the pronoun; and the same
# word in a pattern, where it must find both spellings of the lower-cased text.
_CAPITAL_IT = re.compile(r"(?<![^\W_])IT(?![^\W_])")
_MARKED_IT = "\u0131t"
_IT_IN_PATTERN = re.compile(r"(?<![\\\w])it(?!\w)")
_CAPITAL_IN_PATTERN = re.compile(r"(?<!\\)(?<!\(\?P<)(?<!\(\?P=)[A-Z]")


def _lowered(norm: str) -> str:
    """The normalised text in lower case, keeping every position, with "IT" in
    capitals marked as ``\u0131t`` (a dotless i).

    Matching lower-cased text with case-sensitive patterns is several times
    faster than asking the regular expression engine to ignore case, and the
    phrase lists need case in one place only: "IT" in capitals is the noun, "it"
    may be the pronoun ("Can you help us with it?").  ``_pattern`` turns the
    lists' ``(?-i:IT)`` into the mark and their other "it" into either spelling.
    """
    marked = _CAPITAL_IT.sub(_MARKED_IT, norm)
    lowered = marked.lower()
    if len(lowered) == len(marked):
        return lowered
    # A few characters grow when lower-cased ("\u0130"); keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in marked)


def _pattern(entry: str) -> str:
    """A phrase-list entry, written for case-insensitive matching, for the
    lower-cased text: the noun "IT" as ``_lowered`` marks it, and any capital
    letter left in a configured pattern ignoring case again, for that entry only."""
    source = entry.replace("(?-i:IT)", _MARKED_IT)
    source = _IT_IN_PATTERN.sub(f"[i{_MARKED_IT[0]}]t", source)
    if _CAPITAL_IN_PATTERN.search(source):
        source = f"(?i:{source})"
    return source


def _alternation(patterns: tuple[str, ...]) -> str:
    return "|".join(f"(?:{_pattern(p)})" for p in patterns)


@functools.lru_cache(maxsize=128)
def _compiled(patterns: tuple[str, ...], whole: bool) -> re.Pattern[str] | None:
    """One alternation per list; each entry matches whole words only."""
    if not patterns:
        return None
    source = _alternation(patterns)
    if whole:
        source = rf"\W*(?:{source})\W*"
    return re.compile(rf"(?<!\w)(?:{source})(?!\w)")


@functools.lru_cache(maxsize=32)
def _compiled_at_end(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One alternation that must end the text (a possessive or contraction may follow)."""
    if not patterns:
        return None
    return re.compile(rf"(?<!\w)(?:{_alternation(patterns)})(?:'s|'re|'ve|'d|'ll|')?\W*$")


@functools.lru_cache(maxsize=8)
def _compiled_subject(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One alternation for a subject that up to three words may follow to the end."""
    if not patterns:
        return None
    return re.compile(rf"(?<!\w)(?:{_alternation(patterns)})\W+(?:[\w'-]+\W+){{0,3}}$")


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
