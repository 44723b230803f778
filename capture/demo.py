"""Demo data: 18 months of leads as the firm would have them, for a first look and
for benchmarks (``flask --app capture dev seed --leads N --seed S``).

Every lead goes the way a real one goes: the form's fields (screened by the real
rules of ``capture.screening``), then what staff did (claim, accept or reject,
release, mark as spam), the pipeline stages, the follow-up plan of
``capture.followup`` with touches done (outcome and note), open, overdue or
cancelled, the check-ins that keep a plan going, won and lost deals, notes, and an
audit entry for every move. Owners are a few demo accounts the seed creates.

Deterministic: every choice comes from ``random.Random(seed)`` and every date counts
back from one anchor day (``today``, by default the current UTC date), so the same
count, seed and day give the same rows, ids included (public ids too: they come from
the seeded generator, never from ``secrets``). Nothing happens on or after the
anchor day except open touches falling due. No alert emails are queued.

Leads are written in bulk (Core ``insert`` with executemany, a batch at a time),
in the order they were received, so row ids follow time as they do for real.
"""

import bisect
import re
import secrets
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from random import Random

from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import text

from capture import accounts
from capture import followup
from capture import search
from capture.contract import PROVIDER_TYPES as PROVIDERS
from capture.intake import fingerprint
from capture.models import AuditEntry
from capture.models import Lead
from capture.models import Note
from capture.models import StaffUser
from capture.models import Touch
from capture.models import new_public_id
from capture.pipeline import CANCELLED
from capture.pipeline import DONE
from capture.pipeline import OPEN
from capture.screening import MODEL
from capture.screening import NON_DECIDING_ROLES
from capture.screening import PRICING_ONLY_INTEREST
from capture.screening import ScreeningRules
from capture.screening import screen
from capture.vocabulary import OUTCOMES
from capture.vocabulary import STAGES
from capture.vocabulary import Status

S = Status

#: The articles' slugs (content/articles/*.md, tests/test_demo_seed.py keeps them
#: equal), and "" for a lead that came from no article.
ARTICLES = (
    "what-is-a-qualified-sales-lead",
    "dirty-little-secret-about-referrals-and-internet-leads",
    "death-of-the-mythical-it-sales-close",
    "take-an-it-appointment-setting-campaign-off-life-support",
    "closing-it-sales-leads-takes-a-tortoise-not-a-hare",
)
SOURCES = (*ARTICLES, "")

#: The demo accounts (sales role) and their time zones; existing ones are left alone.
DEMO_STAFF = (
    ("sales1@demo.example", "America/New_York"),
    ("sales2@demo.example", "America/Chicago"),
    ("sales3@demo.example", "America/Denver"),
    ("sales4@demo.example", "America/Los_Angeles"),
)
HISTORY_DAYS = 548  # 18 months
BATCH = 2000
STAGE_ORDER = tuple(STAGES)  # new, first_meeting, assessment, proposal


class DemoError(RuntimeError):
    """The seed cannot run here; the message says why."""


# --- what happened to a lead -------------------------------------------------------

QUALIFIED, SCREENED, BOT = "qualified", "screened", "bot"
#: A provider screened out by a little (headcount or budget) that staff released.
RELEASED = "released"


@dataclass(frozen=True)
class Fate:
    """Where a lead ends up: how screening saw it, its final status and stage, its
    weight among all leads, and the window (days before the anchor) it arrived in:
    spam is kept 30 days, screened-out leads 365 (DESIGN.md), the queue is fresh."""

    name: str
    intake: str
    status: str
    weight: float
    newest: int = 1
    oldest: int = HISTORY_DAYS
    stage: str = ""


FATES = (
    Fate("bot", BOT, S.SPAM, 6, oldest=30),
    Fate("screened_out", SCREENED, S.SCREENED_OUT, 28, oldest=365),
    Fate("queued", QUALIFIED, S.QUEUED, 0.8, oldest=5),
    Fate("in_review", QUALIFIED, S.IN_REVIEW, 0.5, oldest=8),
    Fate("rejected", QUALIFIED, S.REJECTED, 14, newest=2),
    Fate("marked_spam", QUALIFIED, S.SPAM, 1.2, newest=2, oldest=30),
    Fate("accepted_new", QUALIFIED, S.ACCEPTED, 10, newest=4, stage="new"),
    Fate("accepted_first_meeting", QUALIFIED, S.ACCEPTED, 6.5, newest=14,
         stage="first_meeting"),
    Fate("accepted_assessment", QUALIFIED, S.ACCEPTED, 5, newest=30, stage="assessment"),
    Fate("accepted_proposal", QUALIFIED, S.ACCEPTED, 4, newest=45, stage="proposal"),
    Fate("won", QUALIFIED, S.WON, 8, newest=60, stage="proposal"),
    Fate("lost", QUALIFIED, S.LOST, 16, newest=20),
)
#: Of the leads staff worked, this share had been screened out and was released.
RELEASED_SHARE = 0.05


# --- words -----------------------------------------------------------------------


def _slug(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def _words(text: str) -> tuple[str, ...]:
    """A long list kept short on the page ("_" stands for a space inside an item)."""
    return tuple(word.replace("_", " ") for word in text.split())


FIRST_NAMES = _words(
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Christopher Karen Daniel Lisa Matthew Nancy "
    "Anthony Betty Mark Sandra Donald Ashley Steven Kimberly Andrew Emily Paul Donna Joshua "
    "Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ronald "
    "Rebecca Jason Sharon Edward Laura Jeffrey Cynthia Ryan Dorothy Jacob Amy Gary Kathleen "
    "Nicholas Angela Eric Shirley Jonathan Brenda Stephen Emma Larry Anna Justin Pamela Scott "
    "Nicole Brandon Samantha Benjamin Katherine Samuel Christine Gregory Debra Alexander Rachel "
    "Patrick Carolyn Frank Janet Raymond Maria Jack Olivia Dennis Heather Jerry Helen Tyler "
    "Catherine Aaron Diane Jose Julie Adam Victoria Nathan Joyce Henry Lauren Zachary Kelly "
    "Priya Raj Wei Mei Carlos Sofia Luis Ana Omar Fatima Hiroshi Yuki Dmitri Olga Kwame Amara"
)
LAST_NAMES = _words(
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez "
    "Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson "
    "White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott "
    "Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter "
    "Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris "
    "Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly "
    "Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza "
    "Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell "
    "Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Fisher Vasquez "
    "Simmons Graham Okafor Schneider Kowalski Novak Lindqvist Tanaka Chen Singh Shah"
)
PLACES = _words(
    "Summit Keystone Bluewater Lakeside Redwood Granite Harbor Pinnacle Ironclad Riverbend "
    "Cedar Prairie Beacon Frontier Atlas Evergreen Copperline Silverline Bayside Canyon Maple "
    "Oakridge Pioneer Liberty Coastal Metro Capital Heartland Midwest Peachtree Bluegrass "
    "Palmetto Cascade Sierra Lone_Star Tri-County Great_Lakes Piedmont Ozark "
    "Chesapeake Tidewater Hudson Mohawk Allegheny Willamette Sonoran Badger Buckeye Hoosier"
)
PROVIDER_CORES = (
    "Managed IT", "IT Solutions", "Technology Group", "Network Services", "IT Services",
    "Tech Partners", "Computer Consulting", "Systems", "Managed Services", "Cyber Defense",
    "Cloud Services", "Networks", "Data Systems", "IT Consulting", "Technologies",
    "Business Technology", "Computer Services", "IT Support", "Tech", "Integrated Systems",
)
VAR_CORES = ("Technology Resellers", "Systems Integration", "Network Solutions",
             "Communications", "Data & Voice", "IT Supply")
BUSINESS_KINDS = (
    "Family Dental", "Veterinary Clinic", "Realty", "Law Group", "Auto Body", "Orthodontics",
    "Construction", "Insurance Agency", "CPA Group", "Chiropractic", "Pediatrics",
    "Property Management", "Title Company", "Physical Therapy", "Eye Care", "Credit Union",
    "Landscaping", "Plumbing & Heating", "Bakery", "Logistics",
)
LARGE_KINDS = ("Health System", "Regional Medical Center", "Manufacturing", "University",
               "County Government", "Global IT Services", "Bank & Trust", "School District")
SOFTWARE_KINDS = ("Software", "Labs", "Cloud", "Analytics", "Apps")
SUFFIXES = ("", "", "", "", " LLC", " LLC", " Inc.", ", Inc.", " Co.", " Group")
AREA_CODES = ("212", "312", "415", "512", "617", "713", "919", "303", "404", "602", "614",
              "704", "801", "813", "503", "612", "216", "317", "412", "502", "615", "816")
USER_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.6 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/129.0.0.0 Safari/537.36 Edg/129.0.0.0",
)
#: (utm_source, utm_medium, utm_campaign)
CAMPAIGNS = (
    ("newsletter", "email", "msp-growth-newsletter"),
    ("linkedin", "social", "msp-owners"),
    ("google", "cpc", "it-appointment-setting"),
    ("facebook", "social", "lunch-and-learn-promo"),
    ("partner", "referral", "vendor-partner-directory"),
    ("webinar", "email", "tortoise-not-hare-webinar"),
)

PROVIDER_MESSAGES = (
    "We are an MSP with 14 techs and want 4 to 6 qualified appointments a month with "
    "practice owners.",
    "Looking to fill our pipeline with 20 to 100 seat businesses in our metro area. "
    "How do your campaigns work?",
    "We support about 40 dental offices and want to break into accounting firms.",
    "Our last telemarketing vendor booked meetings with receptionists. We need decision "
    "makers.",
    "Can you set appointments for our managed security offering? We'd like a call next week.",
    "We resell Cisco and Fortinet and want meetings with IT directors at manufacturers.",
    "Interested in an appointment setting campaign for next quarter. Please call me after "
    "2pm Eastern.",
    "We just hired a second salesperson and need meetings for him to run.",
    "Read your article about the tortoise and the hare. We give up on leads after a month. "
    "Can we talk?",
    "We want to offer network assessments to law firms in our area.",
    "Referrals have dried up this year. We need a steady stream of meetings with business "
    "owners.",
    "We're a two-person IT consultancy and want to grow to ten clients on contract.",
    "Please send a proposal for a three month appointment setting campaign.",
    "We manage networks for medical practices and want more of them. Who would you call "
    "for us?",
    "Our clients are mostly CPAs. We'd like to reach their peers before tax season.",
    "We tried cold calling ourselves and hated it. What does a campaign look like?",
    "We're a VAR moving to managed services and need recurring revenue clients.",
    "Looking for a partner to set meetings for our backup and disaster recovery service.",
    "We want a lunch-and-learn on cybersecurity filled with local business owners.",
    "Can you target companies with 25 to 150 employees that outgrew their IT person?",
    "We help manufacturers with their networks and want more plants as clients.",
    "Saw your article on qualified leads. We'd like to understand how you qualify them.",
    "We need more first meetings; our close rate is fine once we're in the room.",
    "We're expanding into a second city and need appointments there from day one.",
    "Our MSP serves nonprofits and churches. Do you have callers who know that market?",
)
PRICE_ONLY_MESSAGES = (
    "How much do you charge?",
    "What are your prices?",
    "Hi, what does a campaign cost per month? Thanks",
    "Send me your pricing please.",
    "What's your price per appointment?",
)
END_USER_MESSAGES = (
    "Our dental office needs someone to fix our computers.",
    "We need IT support for our 8 person accounting firm.",
    "Looking for help with our own office network, the wifi drops every afternoon.",
    "Our server is old and slow, can you help us replace it?",
    "I need someone to set up email for my law office.",
    "Our point of sale system keeps crashing and we need a tech to come out.",
    "We are looking for a managed IT services company for our clinic.",
    "My printer and laptops need to be set up, how soon can someone come?",
)
SOFTWARE_MESSAGES = (
    "We sell practice management software and want demos booked with clinics.",
    "We're a SaaS startup and want meetings with HR managers.",
    "",
)
SPAM_MESSAGES = (
    "Get your website on page 1 of Google! Cheap SEO packages, reply for details.",
    "Buy 10,000 verified email leads for $49. Limited offer.",
    "I noticed your site has errors. Reply for a free audit report.",
    "Hello dear, I am interested in your products kindly send catalog and price list.",
    "Increase your Instagram followers fast, real accounts, 100% safe.",
    "We build mobile apps at 70% less cost. Can we schedule a call?",
    "<a href=\"http://cheap-links.example\">cheap backlinks</a> best price",
)
SPAM_NAMES = ("Robertnof", "CharlesMob", "Henryvep", "Jamesrouff", "SEO Team", "Ann Smithh",
              "Mike Brandon", "Irina", "Crytoboss", "Mariaheaby")
ACCEPT_WHY = (
    "", "", "", "", "Good fit: owner-run MSP with budget.",
    "Clear target market and a real budget.", "Spoke to the owner; wants to start soon.",
    "VAR moving to managed services, fits our playbook.",
)
REJECT_WHY = (
    "Wants leads outside the US only; we do not call there.",
    "Sells only to Fortune 500 accounts; not our market.",
    "Already a client of ours; sent to their account manager.",
    "Student project, not a business.",
    "Duplicate of a lead we are already working.",
    "Wants a one-week trial only; campaigns need three months.",
    "Only wants leads for break-fix work at hourly rates.",
    "Could not reach anyone at the number or email given.",
)
STAFF_SPAM_WHY = (
    "Fake company; the phone number is disconnected.",
    "A competitor fishing for our prices.",
    "Test submission from our web agency.",
    "Student survey, not a buyer.",
    "",
)
RELEASE_WHY = {
    "under_budget": (
        "Budget is lower today but they raise it next quarter.",
        "Owner says the budget field was per week, not per month.",
        "Small now, but growing fast; worth a call.",
    ),
    "too_large": (
        "Only their 40-person IT division buys; that is the company we sell to.",
        "Headcount includes seasonal staff; the buyer is a small team.",
    ),
}
LOST_WHY = (
    "Signed with a competitor.",
    "Budget frozen until next fiscal year.",
    "Owner retired and the company was sold.",
    "Hired an in-house salesperson instead.",
    "Not ready; call back in six months.",
    "Went quiet after the proposal.",
    "Chose to rely on referrals for now.",
)
NOTE_TEXTS = (
    "Spoke with {first}: happy with their current lead source until the contract ends.",
    "{first} wants appointments with medical practices only.",
    "{first} asked us to call back after their busy season.",
    "Sent the case study from the tortoise article; {first} liked the one-year story.",
    "{first} is comparing us with two other firms.",
    "Their sales manager left; {first} is covering sales for now.",
    "{first} prefers email to calls before 10am.",
)
TOUCH_NOTES = {
    "thank_you_card": {"done": ("Mailed a handwritten card.", "Card sent with our one-page "
                                "overview.", "")},
    "network_assessment": {
        "talked": ("Offered a free network assessment; they'll think about it.",
                   "Explained the assessment; they want it after their move."),
        "meeting_booked": ("Assessment booked for next week.", "Booked the assessment."),
        "left_message": ("Left a voicemail with the assessment offer.",),
    },
    "education_meeting": {
        "talked": ("Walked them through backup testing; they had never restored a file.",
                   "Covered offsite backup and ransomware recovery."),
        "meeting_booked": ("Education meeting set for Thursday.",),
    },
    "office_meeting": {
        "meeting_booked": ("Meeting at our office on the 12th.", "They'll visit with their "
                           "office manager."),
        "talked": ("Met at our office; good questions about response times.",),
    },
    "lunch_and_learn": {
        "talked": ("Invited to the lunch-and-learn; two people registered.",
                   "Invited; the owner will try to come."),
        "not_now": ("Can't make this one; invite them to the next.",),
    },
    followup.CHECK_IN: {
        "talked": ("Checked in; still happy with the incumbent but the contract ends soon.",
                   "Checked in; no change yet.", "Checked in; they asked about pricing "
                   "again."),
        "left_message": ("Left a message.", ""),
        "no_answer": ("",),
        "not_now": ("Not now; try again next quarter.",),
    },
}
GENERIC_TOUCH_NOTES = {
    "done": ("",), "talked": ("Good conversation.", ""), "meeting_booked": ("Meeting booked.",),
    "left_message": ("Left a voicemail.", ""), "no_answer": ("",),
    "not_now": ("Not now.",),
}
OUTCOME_WEIGHTS = {"talked": 35, "left_message": 25, "no_answer": 15, "meeting_booked": 15,
                   "not_now": 10}

# --- the generator --------------------------------------------------------------------


class Dice(Random):
    """``random.Random`` with a faster ``choice`` (a million of them make 100,000
    leads), still a pure function of the seed."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def pick(self, table: "Weighted"):
        return table.options[bisect.bisect_right(table.cumulative, self.random() * table.total)]


@dataclass(frozen=True)
class Weighted:
    """Options and their weights, summed once (``random.choices`` sums on every call)."""

    options: tuple
    cumulative: tuple
    total: float

    @classmethod
    def of(cls, pairs) -> "Weighted":
        options, running, total = [], [], 0.0
        for option, weight in pairs:
            total += weight
            options.append(option)
            running.append(total)
        return cls(tuple(options), tuple(running), total)


INTERESTS = Weighted.of({"appointment_setting": 45, "telemarketing_campaign": 20,
                         "lead_generation": 25, "pricing_only": 5, "other": 5}.items())
ROLES = Weighted.of({"owner": 50, "executive": 15, "sales_manager": 20, "technician": 8,
                     "other": 7}.items())
PROVIDER_KINDS = Weighted.of({"msp": 60, "it_consultant": 25, "var": 15}.items())
SCREENED_SHAPES = Weighted.of({"end_user": 40, "software": 8, "too_large": 15,
                               "under_budget": 30, "said_msp": 7}.items())
LOST_AT = Weighted.of({0: 30, 1: 30, 2: 20, 3: 20}.items())
DAYS_LATE = Weighted.of({0: 50, 1: 18, 2: 10, 3: 8, 5: 7, 8: 4, 13: 3}.items())
OUTCOMES_DRAWN = Weighted.of(OUTCOME_WEIGHTS.items())


@dataclass
class Story:
    """One lead and what happened to it; its touches, notes and audit entries get the
    lead's id when its batch is written."""

    lead: dict
    touches: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    audit: list = field(default_factory=list)


@dataclass(frozen=True)
class Staff:
    id: int
    email: str
    time_zone: str


class Generator:
    """Makes the stories, oldest lead first; pure: no database, no clock."""

    def __init__(self, *, count: int, seed: int, today: date, staff: list[Staff],
                 template: followup.PlanTemplate, rules: ScreeningRules, site_url: str):
        if not staff:
            raise DemoError("the demo needs at least one staff account to own leads")
        self.count = count
        self.rng = Dice(seed)
        self.today = today
        self.anchor = datetime.combine(today, time(), UTC)
        self.latest = self.anchor - timedelta(seconds=1)
        self.staff = staff
        self.owners = Weighted.of((person, len(staff) - index + 1)
                                  for index, person in enumerate(staff))
        self.template = template
        self.labels = {kind: label[:200] for kind, label in template.labels.items()}
        self.rules = rules
        self.site_url = site_url.rstrip("/")
        self.origin = "/".join(self.site_url.split("/")[:3]) if "//" in self.site_url else ""
        self._verdicts: dict = {}
        # Leads per day: fewer at weekends, more as the site grew.
        weights = [0.0]
        for days_ago in range(1, HISTORY_DAYS + 1):
            day = today - timedelta(days=days_ago)
            growth = 0.6 + 0.8 * (HISTORY_DAYS - days_ago) / HISTORY_DAYS
            weights.append((0.35 if day.weekday() >= 5 else 1.0) * growth)
        self._cumulative = []
        total = 0.0
        for weight in weights:
            total += weight
            self._cumulative.append(total)

    # -- choosing --------------------------------------------------------------------

    def _days_ago(self, newest: int, oldest: int) -> int:
        """A day between ``newest`` and ``oldest`` days back, as often as leads came."""
        low, high = self._cumulative[newest - 1], self._cumulative[oldest]
        return bisect.bisect_left(self._cumulative, self.rng.uniform(low, high), newest, oldest)

    def _staff(self) -> Staff:
        return self.rng.pick(self.owners)

    def _after(self, moment: datetime, low_hours: float, high_hours: float) -> datetime:
        return min(moment + timedelta(hours=self.rng.uniform(low_hours, high_hours)),
                   self.latest)

    def _working_time(self, day: date) -> datetime:
        """Some time in a US working day (14:00 to 22:00 UTC), never after the anchor."""
        moment = datetime.combine(day, time(14), UTC) + timedelta(
            seconds=int(self.rng.random() * 8 * 3600))
        return min(moment, self.latest)

    def skeleton(self) -> list[tuple[datetime, Fate]]:
        """Every lead's fate and arrival, in arrival order. The first few leads take
        one fate each, so even a small demo shows every status and stage."""
        table = Weighted.of((fate, fate.weight) for fate in FATES)
        hours = Weighted.of(enumerate(HOURLY))
        fates = list(FATES[:self.count])
        fates += [self.rng.pick(table) for _ in range(self.count - len(fates))]
        arrivals = []
        for fate in fates:
            day = self.today - timedelta(days=self._days_ago(fate.newest, fate.oldest))
            hour = self.rng.pick(hours) if fate.intake != BOT else self.rng.randrange(24)
            moment = datetime.combine(day, time(hour), UTC) + timedelta(
                seconds=3600 * self.rng.random())
            arrivals.append((moment, fate))
        arrivals.sort(key=lambda arrival: arrival[0])
        return arrivals

    def batches(self, size: int = BATCH) -> Iterator[list[Story]]:
        batch = []
        for number, (received_at, fate) in enumerate(self.skeleton()):
            batch.append(self.story(number, received_at, fate))
            if len(batch) == size:
                yield batch
                batch = []
        if batch:
            yield batch

    # -- the form -------------------------------------------------------------------

    def _person(self) -> tuple[str, str]:
        return self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)

    def _phone(self) -> str:
        if self.rng.random() < 0.15:
            return ""
        area, line = self.rng.choice(AREA_CODES), f"01{self.rng.randrange(100):02d}"
        return self.rng.choice((f"({area}) 555-{line}", f"{area}-555-{line}",
                                f"+1 {area} 555 {line}"))

    def _company(self, kind: str, last: str) -> tuple[str, str]:
        """A company name and its web domain (the name without its legal suffix)."""
        rng = self.rng
        name = rng.choice(PLACES)
        suffix = ""
        if kind == "business":
            core = rng.choice(BUSINESS_KINDS)
        elif kind == "large":
            core = rng.choice(LARGE_KINDS)
        elif kind == "software":
            core, suffix = rng.choice(SOFTWARE_KINDS), rng.choice(SUFFIXES)
        else:
            core = rng.choice(VAR_CORES if kind == "var" else PROVIDER_CORES)
            name, suffix = last if rng.random() < 0.25 else name, rng.choice(SUFFIXES)
        joiner = "" if kind == "software" else " "
        return f"{name}{joiner}{core}{suffix}", f"{_slug(name + core)[:30]}.example"

    def _email(self, first: str, last: str, domain: str) -> str:
        local = self.rng.choice((f"{first}.{last}", first, f"{first[0]}{last}",
                                 f"{first}{last[0]}", "info", "sales")).lower()
        return f"{''.join(ch for ch in local if ch.isalnum() or ch == '.')}@{domain}"

    def _employees(self, *, large: bool = False, slightly: bool = False) -> int:
        limit = self.rules.max_employees
        if large:
            sizes = (550, 600, 750) if slightly else (600, 750, 800, 1000, 1200, 1500, 2500,
                                                      5000, 12000)
            sizes = [size for size in sizes if size > limit]
            return self.rng.choice(sizes) if sizes else limit + 1
        return max(1, min(limit, round(self.rng.lognormvariate(2.6, 0.9))))

    def _budget(self, *, under: bool = False, slightly: bool = False) -> int:
        minimum = self.rules.min_monthly_budget
        if under:
            low = (1000, 1200, 1400) if slightly else (0, 200, 300, 500, 750, 800, 1000, 1200,
                                                       1400)
            low = [budget for budget in low if budget < minimum]
            return self.rng.choice(low) if low else 0
        return max(minimum, self.rng.choice((1500, 2000, 2000, 2500, 3000, 3000, 3500, 4000,
                                             5000, 5000, 6000, 7500, 10000, 12000, 15000,
                                             20000)))

    def _submission(self, intake: str, source: str) -> dict:
        rng = self.rng
        first, last = self._person()
        interest, role, company_type = rng.pick(INTERESTS), rng.pick(ROLES), \
            rng.pick(PROVIDER_KINDS)
        employees, budget, fax = self._employees(), self._budget(), ""
        kind = "var" if company_type == "var" else "provider"
        message = rng.choice(PROVIDER_MESSAGES) if rng.random() < 0.7 else ""
        if rng.random() < 0.04:
            message = rng.choice(PRICE_ONLY_MESSAGES)
        if intake == RELEASED:
            if rng.random() < 0.7:
                budget = self._budget(under=True, slightly=True)
            else:
                employees = self._employees(large=True, slightly=True)
        elif intake == SCREENED:
            shape = rng.pick(SCREENED_SHAPES)
            if shape in ("end_user", "said_msp"):
                kind = "business"
                company_type = "msp" if shape == "said_msp" else rng.choice(
                    ("business", "business", "other"))
                message = rng.choice(END_USER_MESSAGES)
                interest = rng.choice(("other", "lead_generation", "pricing_only"))
                budget = rng.choice((0, 100, 500, 1000, 2000))
                if shape == "said_msp":
                    budget = self._budget(under=True)  # a sure reason, whatever the text rule
            elif shape == "software":
                kind, company_type = "software", "software_vendor"
                message = rng.choice(SOFTWARE_MESSAGES)
            elif shape == "too_large":
                kind = "large" if rng.random() < 0.5 else kind
                employees = self._employees(large=True)
            else:
                budget = self._budget(under=True)
        elif intake == BOT:
            company_type = rng.choice(("msp", "business", "other", "software_vendor"))
            message = rng.choice(SPAM_MESSAGES)
            fax = rng.choice(("1234567890", "http://seo-rank.example", "+1 555 0199", "fax"))
            employees, budget = rng.choice((1, 10, 100, 1000)), rng.choice((0, 1000, 99999))
        company, domain = self._company(kind, last)
        if intake == BOT:
            name, email = rng.choice(SPAM_NAMES), f"{first.lower()}{rng.randrange(1000)}@" \
                                                  "mailbox.example"
            website = rng.choice(("", "https://cheap-links.example/", "http://seo-rank.example"))
        else:
            name, email = f"{first} {last}", self._email(first, last, domain)
            website = f"https://www.{domain}" if rng.random() < 0.7 else ""
        utm = rng.choice(CAMPAIGNS) if rng.random() < 0.35 else ("", "", "")
        page_url = ""
        if source:
            page_url = f"{self.site_url}/{source}.html"
            if utm[0]:
                page_url += f"?utm_source={utm[0]}&utm_medium={utm[1]}&utm_campaign={utm[2]}"
        return {
            "name": name, "email": email, "phone": self._phone(), "company": company,
            "website": website, "company_type": company_type, "employees": employees,
            "monthly_budget": budget, "role": role, "interest": interest, "message": message,
            "consent": True, "source": source, "page_url": page_url, "utm_source": utm[0],
            "utm_medium": utm[1], "utm_campaign": utm[2], "company_fax": fax,
        }

    def verdict(self, values: dict) -> tuple[str, list, list]:
        """The real screening verdict (status, reasons, flags as stored), remembered by
        what decides it: the rules cost up to a millisecond a lead, and the demo's few
        messages repeat. What decides it is what DESIGN.md's rules read: the message;
        the company type, or the words of a provider's name that the word model
        knows; the interest only if it is
        pricing_only; the role only if it is technician or other; headcount and budget
        only beyond the thresholds. A bare domain is never read as a request, so the
        website is left out. tests/test_demo_seed.py screens every lead of a demo
        again and compares."""
        employees, budget = values["employees"], values["monthly_budget"]
        company_type, interest, role = values["company_type"], values["interest"], values["role"]
        key = (values["message"],
               # The word model reads a provider's company name with its message.
               MODEL.known_words(values["company"]) if company_type in PROVIDERS
               else company_type,
               interest if interest == PRICING_ONLY_INTEREST else "",
               role if role in NON_DECIDING_ROLES else "",
               employees if employees > self.rules.max_employees else None,
               budget if budget < self.rules.min_monthly_budget else None,
               bool(values["company_fax"].strip()))
        found = self._verdicts.get(key)
        if found is None:
            result = screen(values | {"website": ""}, self.rules)
            found = (result.status, [asdict(reason) for reason in result.reasons],
                     [asdict(flag) for flag in result.flags])
            self._verdicts[key] = found
        return found

    def _form(self, intake: str, source: str) -> tuple[dict, str, list, list]:
        """A submission that screening sees as ``intake`` wants (a few tries, then a
        plain one that cannot miss), with its verdict."""
        wanted = {QUALIFIED: S.QUEUED, SCREENED: S.SCREENED_OUT, RELEASED: S.SCREENED_OUT,
                  BOT: S.SPAM}[intake]
        for _ in range(4):
            values = self._submission(intake, source)
            status, reasons, flags = self.verdict(values)
            if status == wanted:
                return values, status, reasons, flags
        values |= {"message": ""}
        if intake in (SCREENED, RELEASED):
            values |= {"monthly_budget": self._budget(under=True)}
        return (values, *self.verdict(values))

    # -- a lead's life ---------------------------------------------------------------

    def story(self, number: int, received_at: datetime, fate: Fate) -> Story:
        rng = self.rng
        source = SOURCES[number] if number < len(SOURCES) else rng.choice(SOURCES)
        released = fate.intake == QUALIFIED and fate.status not in (S.QUEUED, S.IN_REVIEW) \
            and rng.random() < RELEASED_SHARE
        values, status, reasons, flags = self._form(RELEASED if released else fate.intake,
                                                    source)
        lead = values | {
            "public_id": new_public_id(rng=rng), "received_at": received_at,
            "updated_at": received_at, "status": status, "reasons": reasons, "flags": flags,
            "flag_count": len(flags), "origin": self.origin if values["page_url"] else "",
            "user_agent": rng.choice(USER_AGENTS), "fingerprint": fingerprint(values),
            "owner_id": None, "claimed_at": None, "decision_reason": "", "queued_at": None,
            "accepted_at": None, "stage": "", "estimated_value": None, "won_value": None,
            "closed_at": None, "lost_reason": "", "screening_version": "",
        }
        story = Story(lead)
        if status == S.QUEUED:
            lead["queued_at"] = received_at
        if fate.intake != QUALIFIED:
            return story
        now = received_at
        if released:
            now = self._after(received_at, 2, 72)
            why = rng.choice(RELEASE_WHY.get(reasons[-1]["id"], RELEASE_WHY["under_budget"]))
            self._move(story, now, self._staff(), "release", S.QUEUED, why)
            lead["queued_at"] = now
        if fate.status == S.QUEUED:
            return story
        if fate.name == "marked_spam" and rng.random() < 0.6:
            self._move(story, self._after(now, 0.5, 30), self._staff(), "mark_spam", S.SPAM,
                       rng.choice(STAFF_SPAM_WHY))
            return story
        owner = self._staff()
        now = self._after(now, 0.2, 30)
        self._move(story, now, owner, "claim", S.IN_REVIEW)
        lead["owner_id"], lead["claimed_at"] = owner.id, now
        if fate.status == S.IN_REVIEW:
            return story
        now = self._after(now, 0.1, 48)
        if fate.name == "marked_spam":
            lead["owner_id"] = lead["claimed_at"] = None
            self._move(story, now, owner, "mark_spam", S.SPAM, rng.choice(STAFF_SPAM_WHY))
        elif fate.status == S.REJECTED:
            lead["decision_reason"] = rng.choice(REJECT_WHY)
            self._move(story, now, owner, "reject", S.REJECTED, lead["decision_reason"])
        else:
            self._pipeline(story, now, owner, fate)
        return story

    def _move(self, story: Story, at: datetime, who: Staff, action: str, to_status: str,
              why: str = "") -> None:
        lead = story.lead
        story.audit.append((at, who.id, action, lead["status"], to_status, why))
        lead["status"] = to_status
        lead["updated_at"] = at

    def _record(self, story: Story, at: datetime, who: Staff, action: str, why: str) -> None:
        status = story.lead["status"]
        story.audit.append((at, who.id, action, status, status, why))

    def _pipeline(self, story: Story, accepted_at: datetime, owner: Staff, fate: Fate) -> None:
        """Accepted, then stages, maybe won or lost, with the follow-up plan throughout."""
        rng, lead = self.rng, story.lead
        lead["decision_reason"] = rng.choice(ACCEPT_WHY)
        lead["accepted_at"], lead["stage"] = accepted_at, "new"
        self._move(story, accepted_at, owner, "accept", S.ACCEPTED, lead["decision_reason"])
        reached = STAGE_ORDER.index(fate.stage) if fate.stage else rng.pick(LOST_AT)
        gaps = [rng.uniform(7, 45), rng.uniform(14, 75), rng.uniform(14, 90)][:reached]
        closing = fate.status in (S.WON, S.LOST)
        if closing:
            gaps.append(rng.uniform(10, 120) if fate.status == S.WON else rng.uniform(14, 180))
        room = max(0.1, (self.latest - accepted_at).total_seconds() / 86400 - 1)
        if sum(gaps) > room:
            gaps = [gap * room / sum(gaps) for gap in gaps]
        moments, moment = [], accepted_at
        for gap in gaps:
            moment = min(moment + timedelta(days=gap), self.latest)
            moments.append(moment)
        value = None
        for stage, at in zip(STAGE_ORDER[1:reached + 1], moments, strict=False):
            if value is None or stage == "proposal":
                value = max(500, round(lead["monthly_budget"] * rng.uniform(0.5, 1.2), -2))
                lead["estimated_value"] = value
                extra = f", about ${value:,} a month"
            else:
                extra = ""
            why = f"{STAGES[lead['stage']]} -> {STAGES[stage]}{extra}"
            lead["stage"] = stage
            self._move(story, at, owner, "stage", S.ACCEPTED, why)
        close = (moments[-1], fate.status) if closing else None
        self._touches(story, accepted_at, owner, close)
        self._notes(story, accepted_at, close[0] if close else self.latest, owner)

    def _close(self, story: Story, at: datetime, owner: Staff, status: str) -> None:
        lead = story.lead
        lead["closed_at"] = at
        if status == S.WON:
            won = max(500, round((lead["estimated_value"] or lead["monthly_budget"])
                                 * self.rng.uniform(0.8, 1.1), -2))
            lead["won_value"] = won
            self._move(story, at, owner, "win", S.WON, f"${won:,} a month")
        else:
            lead["lost_reason"] = self.rng.choice(LOST_WHY)
            self._move(story, at, owner, "lose", S.LOST, lead["lost_reason"])

    def _local_day(self, moment: datetime, who: Staff) -> date:
        return followup.local_today(moment, who.time_zone)

    def _touches(self, story: Story, accepted_at: datetime, owner: Staff,
                 close: tuple[datetime, str] | None) -> None:
        """The plan from the acceptance day, then each touch in due order: done (a
        little late at times) if its day came, open if not, sometimes forgotten
        (overdue); a check-in once nothing is open; at a close, what is open is
        cancelled, and a lost lead gets its six-monthly check-ins."""
        rng, template = self.rng, self.template
        touches = story.touches
        accepted_on = self._local_day(accepted_at, owner)
        for planned in followup.plan(accepted_on, template):
            touches.append(self._touch(planned, owner, accepted_at))
        pending = sorted(touches, key=lambda touch: touch["due"])
        never = datetime.max.replace(tzinfo=UTC)
        while pending or close:
            touch, done_day, done_at = None, None, never
            if pending:
                touch = pending[0]
                late = rng.pick(DAYS_LATE)
                done_day = touch["due"] + timedelta(days=late)
                if done_day < self.today:
                    done_at = self._working_time(done_day)
            if close and close[0] < done_at:
                self._close(story, close[0], owner, close[1])
                for other in touches:
                    if other["status"] == OPEN:
                        other["status"] = CANCELLED
                pending = []
                if close[1] == S.LOST:
                    planned = followup.next_check_in(self._local_day(close[0], owner),
                                                     template, lost=True)
                    lost_check_in = self._touch(planned, owner, close[0])
                    touches.append(lost_check_in)
                    pending = [lost_check_in]
                close = None
                continue
            pending.pop(0)
            if done_day >= self.today or rng.random() < 0.005:
                continue  # not yet, or forgotten: stays open
            who = owner if rng.random() < 0.9 else self._staff()
            self._complete(story, touch, done_at, who)
            if all(other["status"] != OPEN for other in touches):
                after = max(self._local_day(done_at, who), touch["due"])
                planned = followup.next_check_in(after, template,
                                                 lost=story.lead["status"] == S.LOST)
                check_in = self._touch(planned, owner, done_at)
                touches.append(check_in)
                pending.append(check_in)

    def _touch(self, planned: followup.PlannedTouch, owner: Staff, created: datetime) -> dict:
        return {"kind": planned.kind, "label": self.labels[planned.kind],
                "due": planned.due, "owner_id": owner.id, "status": OPEN,
                "created_at": created, "completed_at": None, "completed_by_id": None,
                "outcome": "", "note": ""}

    def _complete(self, story: Story, touch: dict, at: datetime, who: Staff) -> None:
        rng = self.rng
        notes = TOUCH_NOTES.get(touch["kind"], {})
        outcome = "done" if touch["kind"] == "thank_you_card" else rng.pick(OUTCOMES_DRAWN)
        note = rng.choice(notes.get(outcome) or GENERIC_TOUCH_NOTES[outcome])
        touch.update(status=DONE, completed_at=at, completed_by_id=who.id, outcome=outcome,
                     note=note)
        why = f"{touch['label']} ({OUTCOMES[outcome]}){': ' + note if note else ''}"[:500]
        self._record(story, at, who, "touch_done", why)

    def _notes(self, story: Story, start: datetime, end: datetime, owner: Staff) -> None:
        rng = self.rng
        if rng.random() >= 0.25 or end <= start:
            return
        first = story.lead["name"].split()[0]
        for _ in range(rng.choice((1, 1, 2))):
            at = start + (end - start) * rng.random()
            body = rng.choice(NOTE_TEXTS).format(first=first)
            story.notes.append({"author_id": owner.id, "at": at, "body": body})
            story.audit.append((at, owner.id, "note", S.ACCEPTED, S.ACCEPTED, body[:200]))


#: When leads arrive, by UTC hour: US working hours, some evenings, few nights.
HOURLY = (2, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 2, 4, 8, 10, 12, 12, 10, 11, 11,
          10, 8, 5, 3)


# --- writing -----------------------------------------------------------------------


@dataclass
class Summary:
    leads: int = 0
    touches: int = 0
    audit_entries: int = 0
    notes: int = 0
    created: list = field(default_factory=list)
    existing: list = field(default_factory=list)
    by_status: dict = field(default_factory=dict)


def demo_staff(session, *, password: str | None, hasher, anchor: datetime,
               summary: Summary) -> list[Staff]:
    """The demo accounts, created if missing (all with ``password``); an account that
    exists already is used as it is, never changed."""
    staff = []
    for email, zone in DEMO_STAFF:
        user = session.scalar(select(StaffUser).where(StaffUser.email == email))
        if user is None:
            if password is None:
                raise DemoError("a password is needed to create the demo accounts")
            user = accounts.create_staff(session, email, password, role="sales", hasher=hasher,
                                         now=anchor - timedelta(days=HISTORY_DAYS + 7))
            user.time_zone = zone
            session.commit()
            summary.created.append(email)
        else:
            summary.existing.append(email)
        staff.append(Staff(user.id, user.email, user.time_zone))
    return staff


def new_password() -> str:
    return secrets.token_urlsafe(12)


def seed(session, *, leads: int, seed: int, today: date, template: followup.PlanTemplate,
         rules: ScreeningRules, site_url: str, hasher, password: str | None = None,
         progress: Callable[[str, int, int], None] = lambda phase, done, total: None
         ) -> Summary:
    """Write ``leads`` demo leads with their history in one transaction (the accounts
    first: they commit on their own). Refuses a database that holds this seed's
    leads already: the same seed makes the same ids. ``progress(phase, step, total)``
    hears of each batch written."""
    summary = Summary()
    anchor = datetime.combine(today, time(), UTC)
    staff = demo_staff(session, password=password, hasher=hasher, anchor=anchor,
                       summary=summary)
    generator = Generator(count=leads, seed=seed, today=today, staff=staff,
                          template=template, rules=rules, site_url=site_url)
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        # A dozen indexes take random keys (public ids, fingerprints, emails): with
        # SQLite's default 2 MB page cache, inserting spends much of its time re-reading
        # index pages. 256 MB for this connection while it seeds, then the default.
        session.execute(text("PRAGMA cache_size=-262144"))
    try:
        audit = _write_leads(session, generator, seed, summary, progress)
        _write_audit(session, audit, progress)
        summary.audit_entries = len(audit)
        if dialect == "postgresql":
            session.execute(text("SELECT setval(pg_get_serial_sequence('leads', 'id'), "
                                 "(SELECT max(id) FROM leads))"))
        session.commit()
        search.catch_up(session.get_bind())  # now, not in the first search
    finally:
        session.rollback()
        if dialect == "sqlite":
            session.execute(text("PRAGMA cache_size=-2000"))
            session.commit()
    return summary


LEADS_PHASE, AUDIT_PHASE = "Seeding demo leads", "Writing their audit log"


def _write_leads(session, generator: Generator, seed: int, summary: Summary,
                 progress) -> list[tuple]:
    """Leads, touches and notes a batch at a time; the audit entries, for the end."""
    audit = []
    # Ids in arrival order, given here: RETURNING with its order kept costs SQLite one
    # statement per row. PostgreSQL's sequence is moved past them at the end.
    next_id = (session.scalar(select(func.max(Lead.id))) or 0) + 1
    for number, batch in enumerate(generator.batches()):
        rows = [story.lead for story in batch]
        if number == 0 and session.scalar(select(func.count()).select_from(Lead).where(
                Lead.public_id.in_([row["public_id"] for row in rows]))):
            raise DemoError(f"this database already holds the demo leads of --seed {seed}; "
                            "use another --seed, or an empty database")
        lead_ids = range(next_id, next_id + len(rows))
        next_id += len(rows)
        touches, notes = [], []
        for lead_id, story in zip(lead_ids, batch, strict=True):
            story.lead["id"] = lead_id
            status = story.lead["status"]
            summary.by_status[status] = summary.by_status.get(status, 0) + 1
            touches.extend(touch | {"lead_id": lead_id} for touch in story.touches)
            notes.extend(note | {"lead_id": lead_id} for note in story.notes)
            audit.extend((entry[0], lead_id, *entry[1:]) for entry in story.audit)
        session.execute(insert(Lead.__table__), rows)
        if touches:
            session.execute(insert(Touch.__table__), touches)
        if notes:
            session.execute(insert(Note.__table__), notes)
        summary.leads += len(rows)
        summary.touches += len(touches)
        summary.notes += len(notes)
        progress(LEADS_PHASE, len(rows), generator.count)
    return audit


def _write_audit(session, audit: list[tuple], progress, batch: int = 10_000) -> None:
    """The audit log reads newest first by id: written in time order, all leads mixed."""
    audit.sort(key=lambda entry: entry[0])
    columns = ("at", "lead_id", "actor_id", "action", "from_status", "to_status", "why")
    for start in range(0, len(audit), batch):
        chunk = audit[start:start + batch]
        session.execute(insert(AuditEntry.__table__),
                        [dict(zip(columns, entry, strict=True)) for entry in chunk])
        progress(AUDIT_PHASE, len(chunk), len(audit))


def describe(summary: Summary) -> str:
    statuses = ", ".join(f"{count:,} {status}" for status, count in sorted(
        summary.by_status.items(), key=lambda item: -item[1]))
    return (f"{summary.leads:,} leads ({statuses}), {summary.touches:,} touches, "
            f"{summary.notes:,} notes, {summary.audit_entries:,} audit entries")

