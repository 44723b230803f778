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
sit under "The phrase lists" below, each entry with an example of what it
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
import re
from collections.abc import Mapping
from dataclasses import dataclass

from capture.contract import PROVIDER_TYPES
from capture.contract import choice_label
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


# ---------------------------------------------------------------------------
# Vocabulary the phrase lists below are built from.
# ---------------------------------------------------------------------------

# Organisations a provider serves; in the plural they are nearly always someone
# else's ("we support dental offices"), while an end user says "our office".
_ORGS = (
    r"businesses|companies|organi[sz]ations|offices|firms|practices|clinics|schools"
    r"|hospitals|non-?profits|churches|restaurants|hotels|manufacturers|dealerships"
    r"|retailers|smbs|smes|agencies|contractors|municipalities|business owners"
)

# What an end user says it needs, wants or is looking for.
_NEED = (
    r"need|needs|needed|needing|looking for|look for|searching for|seeking|want|wants"
    r"|would like|we'd like|i'd like|require|requires|in need of|interested in|hire|hiring"
    r"|to find|could use|shopping for|quote|quote us|quote me"
)
# Small words allowed between the need and the thing: "need a reliable ...".
_BUY_GAP = (
    r"(?:(?:a|an|some|the|new|better|reliable|affordable|local|outside|outsourced|dedicated"
    r"|good|proper|ongoing|professional|full-time|part-time|regular|quick|urgent|onsite"
    r"|on-site|remote|experienced|our|my|help|with|from|for|quotes?|on|setting|up|getting"
    r"|own|office|dell|hp|lenovo|apple|\d+) )*"
)
# IT equipment and services an organisation has; "it" only after our/my, never
# the pronoun ("can you help us with it?").
_IT_THINGS = (
    r"(?<=our )it|(?<=my )it|computers?|pcs?|laptops?|desktops?|workstations?"
    r"|network(?:ing)?|servers?|e-?mail|printers?|copiers?|wi-?fi|wireless|internet"
    r"|firewalls?|routers?|backups?|phone system|pos system|point of sale system"
    r"|office 365|microsoft 365|m365|outlook|passwords?|viruse?s?|malware|ransomware"
    r"|cyber ?security|security|systems?"
)
# People and firms an end user hires for its IT.
_IT_HELPERS = (
    r"(?:it|tech|technical|technology|computer|network|pc) (?:support|services?|help|helpdesk"
    r"|help desk|solutions?|consulting|assistance|management|outsourcing|repairs?)"
    r"(?: services| support)?(?: (?:company|companies|firm|provider|partner|team|person|guy))?"
    r"|(?:it|tech|computer|network) (?:company|companies|firm|provider|partner|person|people"
    r"|guy|consultant|department)"
    r"|msps?|managed service providers?|managed services? provider"
    r"|managed (?:it|services)(?: services| support)?"
)
# Words after an IT term that show the sender sells it rather than buys it:
# "IT support business", "network assessment appointments", "MSP owners".
_SOLD_RIGHT_AFTER = (
    r"business|businesses|company|companies|firm|firms|practice|owners?|industry|market"
    r"|niche|vertical|space|offering|offerings|partnership|program|programs"
)
_SOLD_NEARBY = (
    r"sales|marketing|telemarketing|leads?|lead generation|appointments?|campaigns?"
    r"|prospects?|clients?|customers?|contracts?|deals?|revenue|growth|buyers?"
    r"|decision makers?|opportunities|reps?|resellers?"
)
_NOT_SOLD = (
    rf"(?! (?:{_SOLD_RIGHT_AFTER})(?!\w))(?!(?: [\w'-]+){{0,2}} (?:{_SOLD_NEARBY})(?!\w))"
)
# Small words between "our" / "help us" and the equipment: "help us set up our new".
_OWN_GAP = (
    r"(?:(?:us|me|out|with|to|fix|fixing|set|setting|up|move|moving|migrate|migrating"
    r"|upgrade|upgrading|replace|replacing|secure|securing|protect|back|install|installing"
    r"|troubleshoot|get|getting|our|my|the|a|an|new|some|all|both|old|aging|ageing|office"
    r"|main|company|business|work|shared|whole|entire|own|slow|broken|current|existing"
    r"|\d+) )*"
)
# Jobs an end user asks done to its IT: "fix our", "someone to manage our".
_REPAIR = (
    r"fix|repair|troubleshoot|set up|setup|upgrade|replace|secure|sort out|clean up"
    r"|look at|take a look at|migrate|move|outsource|take over"
)
_LOOK_AFTER = rf"{_REPAIR}|manage|maintain|handle|take care of|install|monitor|back up|support"
# How people say their IT is in trouble: "our server is down".
_BROKEN = (
    r"down|broken|failing|failed|fails|crashing|crashed|crashes|slow|hacked|infected"
    r"|offline|dying|dead|outdated|unreliable|a mess|acting up|not working|stopped working"
    r"|freezing|froze|glitching"
    r"|(?:won't|wont|will not|can't|cannot|doesn't|does not|isn't|is not|aren't|don't)"
    r" (?:work|working|connect|print|boot|start|turn on|sync)"
    r"|keeps? (?:failing|crashing|dropping|freezing|going down|disconnecting|breaking)"
    r"|needs? (?:replacing|replacement|to be replaced|upgrading|an upgrade|fixing|help|repair)"
)
_CURRENT_HELPER = (
    r"(?:our|my) (?:current |old |existing |previous )?"
    r"(?:msp|it (?:company|provider|guy|person|firm|consultant|vendor)|computer guy|tech guy)"
)

# What a provider calls itself, and what it sells.
_PROVIDER = (
    r"msp|mssp|var|it msp|managed (?:it |security |print )?services? provider"
    r"|managed (?:it|security) provider"
    r"|(?:it|tech|technology|computer|network) (?:services?|support|solutions?|consulting"
    r"|managed services) (?:provider|company|firm|business|shop|consultancy)"
    r"|(?:it|computer|technology|tech|network|cybersecurity|security) consultan(?:t|ts|cy)"
    r"|value[- ]added reseller|(?:it |hardware |software |microsoft |cisco |dell |technology )?"
    r"reseller|(?:it |technology )?solutions? provider|it provider|cloud (?:services )?provider"
    r"|systems integrator|(?:computer|pc|laptop) repair (?:shop|business|company)"
    r"|it company|it firm|it shop"
)
_PROVIDER_ADJ = (
    r"(?:(?!(?:need|needs|needing|looking|seeking|wanting|want|hiring|using|with|without"
    r"|and|but|that|who|which|for|of|in|a|an|the|to)(?!\w))[\w/&'-]+ ){0,4}"
)
_OFFERING = (
    r"managed (?:it |security |print |cloud )?services|it (?:services|support|solutions"
    r"|consulting|managed services)|network(?:ing)? (?:services|solutions|support|installation)"
    r"|cloud (?:services|solutions|backup|hosting|migrations?)|cyber ?security(?: services"
    r"| solutions)?|help ?desk(?: services| support)?|backup (?:services|solutions)|voip"
    r"|(?:computer|pc) (?:repair|services|support)|technology (?:services|solutions)"
    r"|tech support|(?:dell|hp|lenovo|cisco|microsoft|fortinet|sonicwall|meraki)"
    r" (?:[\w-]+ )?(?:hardware|products|servers|licenses|solutions|equipment)"
)
_OFFER_GAP = (
    r"(?:(?!(?:need|needs|want|wants|looking|require|requires|but|our|my)(?!\w))"
    r"[\w/&'-]+ ){0,3}?"
)

# Words that make a price question ("rate" is often not ours: "success rate").
_RATE = (
    r"(?<!success )(?<!conversion )(?<!close )(?<!closing )(?<!response )(?<!show )"
    r"(?<!hit )(?<!booking )rates?"
)
_PRICE_WORD = rf"prices?|pricing|price list|{_RATE}|rate card|costs?|fees?|quotes?|quotation"


# ---------------------------------------------------------------------------
# The phrase lists.  Each is configurable as CAPTURE_SCREEN_<NAME>.
# ---------------------------------------------------------------------------

#: A clause must speak for the sender's own organisation to count as its request.
FIRST_PERSON = (
    r"we", r"us", r"our", r"ours", r"ourselves", r"i", r"my", r"me", r"myself",
)

#: The sender asks for IT services or products for its own organisation.
OWN_IT_REQUESTS = (
    # "we need IT support", "looking for an MSP", "our school needs new laptops"
    rf"(?:{_NEED}) {_BUY_GAP}(?:{_IT_HELPERS}|{_IT_THINGS}){_NOT_SOLD}",
    # "can you help us with our network?", "help me fix my laptop"
    rf"(?:help|assist) (?:us|me) {_OWN_GAP}(?:{_IT_THINGS}){_NOT_SOLD}",
    # "fix our computers", "outsource our IT", "replace my old server"; not a
    # statement such as "we replace our laptops every three years"
    rf"(?<!we )(?<!i )(?:{_REPAIR}) (?:up )?(?:our|my) {_OWN_GAP}(?:{_IT_THINGS}){_NOT_SOLD}",
    # "someone to fix the computers in our office", "a company to manage our network"
    rf"(?:someone|somebody|a company|a firm|a partner|an expert|a tech|a technician"
    rf"|a professional|people) (?:to|who can|that can) (?:{_LOOK_AFTER}) {_OWN_GAP}"
    rf"(?:{_IT_THINGS}){_NOT_SOLD}",
    # "our printers keep failing", "my PC won't turn on", "our email server went down"
    rf"(?:our|my) (?:[\w'-]+ ){{0,2}}?(?:{_IT_THINGS}){_NOT_SOLD} (?:[\w'-]+ ){{0,3}}?"
    rf"(?:{_BROKEN})",
    # "we got hit by ransomware", "our office was hacked"
    r"(?:we|i|our [\w'-]+)(?:'ve| have| has)? (?:got|were|was|been|just got|just been)"
    r" (?:hit by (?:ransomware|malware|a virus)|hacked|infected|breached|compromised)",
    # "we don't have an IT person", "we have no IT department"
    r"(?:have no|don't have an?|don't have any|do not have an?|do not have any|lack an?|lack"
    r"|have never had an?|no) (?:in-house |internal |dedicated |full-time |real |our own )?"
    r"(?:it|tech|technical|computer) (?:person|people|staff|department|guy|team)",
    # "we want to replace our current MSP", "switching IT providers"
    rf"(?:replace|switch|fire|change|leave|dump|ditch) (?:from )?{_CURRENT_HELPER}",
    r"switch(?:ing)? (?:it|msp|tech support|computer support) (?:providers|companies"
    r"|vendors|firms)",
    # "our IT guy retired", "my computer guy never calls back"
    rf"{_CURRENT_HELPER} (?:[\w'-]+ ){{0,3}}?(?:retired|quit|left|closed|went out of business"
    r"|is unresponsive|never (?:answers|responds|calls back|shows up)|doesn't (?:answer"
    r"|respond|call back|show up)|is too slow|is too expensive|dropped us)",
)

#: The clause is about the sender's clients, so it never counts as its own request.
CLIENT_CONTEXT = (
    # "our clients' servers keep crashing", "many of our customers need a new server"
    r"clients?|customers?|clientele|end[- ]users?",
    # "we support 40 dental offices", "we manage networks for law firms"
    rf"(?:we|i) (?:support|serve|service|manage|help|work with|look after|take care of"
    rf"|protect|monitor|maintain|partner with) (?!our |my |us |me |ourselves )"
    rf"(?:[\w'-]+ ){{0,3}}?(?:{_ORGS}|networks|servers|endpoints|devices|seats)",
    # "IT support for dental offices" (but not "for our two offices")
    rf"for (?!our |my |both |all |each |every |two |three |several |multiple |\d)"
    rf"(?:[\w'-]+ ){{0,2}}?(?:{_ORGS})",
    # "small businesses need IT support", "medical practices that need someone"
    rf"(?<!our )(?<!my )(?:{_ORGS}) (?:that |who |which |often |usually |typically |also "
    r"|all |still |really |are )?(?:need|needs|want|wants|looking for|require|struggle"
    r"|rely on|depend on|call us|hire|have)",
    # "a clinic we support needs a new server"
    r"(?:we|i) (?:work with|support|serve|look after|take care of|manage) (?:needs?|has|have"
    r"|is|are|wants?|just|recently)",
)

#: The sender plainly says it is a provider; then its text never screens it out.
PROVIDER_SELF_DESCRIPTIONS = (
    # "we're a 12-person MSP", "I am an independent IT consultant", "as a VAR"
    rf"(?:we are|we're|i am|i'm|as|being|i run|we run|i own|we own|i started|we started"
    rf"|i founded|we founded) (?:a |an |the |my |our )?{_PROVIDER_ADJ}(?:{_PROVIDER})"
    r"(?! (?:customers?|clients?|users?)(?!\w))",
    # "we provide managed IT services", "we sell and support Dell hardware"
    rf"(?:we|i) (?:provide|offer|deliver|sell|resell|install|implement|specialize in"
    rf"|specialise in|focus on) {_OFFER_GAP}(?:{_OFFERING})",
    # "our MSP business", "our managed services clients", "our NOC"
    r"our (?:msp (?:business|company|practice|firm|clients|customers)|it (?:services|support"
    r"|consulting|solutions) (?:business|company|firm|practice|clients|customers)"
    r"|managed services (?:business|company|practice|clients|customers|agreements|contracts"
    r"|offering|revenue|plans?)|consultancy|reseller business|help ?desk (?:team|techs"
    r"|technicians|engineers)|noc|soc)",
    # "help desk for our clients", "IT support to our customers"
    r"(?:(?:it|tech|technical|help ?desk|managed|network|cloud|computer) (?:support|services"
    r"|solutions)|help ?desk) (?:for|to) (?:our |my )?(?:clients|customers)",
    # "we support over 40 dental offices", "we manage 2,000 endpoints"
    rf"(?:we|i) (?:support|serve|manage|look after|take care of|monitor|protect|maintain"
    rf"|service) (?:over |about |around |more than |nearly |almost |some )?\d[\d,]*\+? "
    rf"(?:[\w'-]+ ){{0,2}}?(?:clients|{_ORGS}|endpoints|devices|seats|networks|servers)",
    # "we manage IT for small businesses"
    rf"(?:we|i) (?:manage|support|monitor|maintain|secure|handle|run) (?:the )?(?:networks"
    rf"|servers|it|it systems|infrastructure|endpoints|devices|backups) for "
    rf"(?:[\w'-]+ ){{0,2}}?(?:{_ORGS}|clients|customers)",
)

#: Words that make a fragment of a message about price.
PRICE_TERMS = (
    r"how much", _PRICE_WORD, r"priced", r"costing", r"(?<!in )charges?", r"ballpark",
    r"per (?:hour|month|appointment|lead|call|meeting|day|week)", r"expensive",
    r"cheap(?:er|est)?", r"affordable",
)

#: A clause that asks for our price.
PRICE_ASKS = (
    # "how much do you charge?", "how much per hour?" (not "how much experience")
    r"how much(?! (?:experience|time|notice|lead time|of|traffic|work|effort|volume"
    r"|training|data|longer|should we|can we|could we))",
    # "what's your price?", "what does it cost", "what are your rates?"
    rf"what(?:'s| is| are| does| do| would| will| kind of| sort of)(?: [\w'-]+){{0,4}}"
    rf" (?:{_PRICE_WORD}|charges?)",
    # "send me your pricing", "please email a price list"
    rf"(?:send|give|tell|email|e-mail|share|forward|quote|show) (?:[\w'-]+ ){{0,3}}?"
    rf"(?:{_PRICE_WORD})",
    # "Ballpark cost for a campaign?", "pricing for 3 months?"
    rf"(?:{_PRICE_WORD})(?: [\w'-]+){{0,6}} ?\?",
    # "price list please", "please send pricing"
    rf"(?:{_PRICE_WORD}) please",
    rf"please (?:[\w'-]+ ){{0,3}}?(?:{_PRICE_WORD})",
    # "I'd like a quote", "interested in pricing", "just want to know your prices"
    rf"(?:need|want|would like|we'd like|i'd like|looking for|interested in|request"
    rf"|requesting|get|getting|know|see|hear|check) (?:a |an |the |your |some )?"
    rf"(?:{_PRICE_WORD}|estimate|ballpark)",
    # "just curious about pricing", "a question about your fees"
    rf"(?:curious|wondering|asking|inquiring|enquiring|question) (?:about|on|regarding)"
    rf" (?:[\w'-]+ ){{0,2}}?(?:{_PRICE_WORD})",
    # "do you charge by the hour?", "how does your pricing work?", "ballpark?"
    r"(?:do|would|will|can) you (?:[\w'-]+ )?charge",
    r"how (?:do|does|would) (?:you|your [\w'-]+) (?:charge|price|bill)",
    r"how (?:does|is) (?:your |the )?(?:pricing|price|cost) (?:work|structured|calculated"
    r"|determined)",
    r"ballpark",
)

#: The sender talks about its own prices ("our prices are competitive").
OWN_PRICE_MENTIONS = (
    rf"our (?:[\w'-]+ ){{0,3}}?(?:{_PRICE_WORD})",
    r"(?:we|i) (?:charge|bill|price|sell|resell|invoice)",
    r"(?:we've|we have|i've|i have) (?:[\w'-]+ )?(?:raised|lowered|increased|cut|changed)",
)

#: Anything else a message may ask for, which makes it more than a price question.
OTHER_REQUESTS = (
    r"(?:schedule|book|arrange|set up|setup|have|hop on|jump on|get on) (?:a |an )?"
    r"(?:[\w'-]+ )?(?:call|meeting|chat|demo|conversation|consultation|zoom|appointment)"
    r"(?! setting)",
    r"call (?:me|us|back)", r"give (?:me|us) a (?:call|ring)",
    r"(?:talk|speak|chat|meet)(?: with| to)? (?:you|someone|one of|your)",
    r"(?:can|could|shall|should) we (?:talk|speak|chat|meet|discuss|set up|schedule|start|get)",
    r"let's (?:talk|chat|meet|discuss|set up|schedule)",
    r"get in touch", r"reach out", r"contact (?:me|us)",
    r"proposal", r"demo", r"case stud(?:y|ies)", r"references?", r"testimonials?",
    r"samples?", r"examples?", r"scripts?", r"brochure|overview",
    r"(?<!price )(?<!pricing )(?<!cost )(?<!rate )(?:information|info|details)",
    r"learn more", r"tell (?:me|us) (?:more|about|how|what|which|who)", r"explain",
    r"target(?:s|ed|ing)?", r"decision[ -]makers?", r"availability|available",
    r"start(?:ing)? (?:date|next|in|on|soon)", r"contract (?:terms?|length)",
    r"minimum (?:term|commitment|contract)", r"guarantee[sd]?", r"results",
    r"do you (?:work|offer|provide|have|handle|cover|serve|do|use|specialize|specialise)",
)

#: Greetings that look like questions but ask for nothing ("Hi, how are you?").
PLEASANTRIES = (
    r"how are you(?: doing)?(?: today)?", r"how's it going", r"how are things",
    r"how have you been", r"what's up", r"hope (?:you're|you are|all is|this finds you)"
    r" (?:well|good|doing well)",
    r"what an? (?:great|nice|good|helpful|useful|interesting|awesome) [\w' -]+",
)

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
    if _search(rules.provider_self_descriptions, message.norm):
        return None
    span = _own_it_request(message, rules)
    if span:
        evidence = message.source(*span)
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
