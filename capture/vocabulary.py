"""Every word the product stores and shows, defined once with its label beside it.

Statuses, screening reasons, flags and audit actions are ids in the database, the
CSV export and the URLs, and words on the staff pages and in emails. Three lists
of statuses in three modules drift apart; one table each, imported by screening,
the models, the queries, the templates and the exports, cannot. Pure Python.
"""

from dataclasses import dataclass


class Status:
    """A lead's status: what screening decided, then what staff did with it."""

    QUEUED = "queued"
    SCREENED_OUT = "screened_out"
    SPAM = "spam"
    IN_REVIEW = "in_review"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WON = "won"
    LOST = "lost"


STATUSES = {
    Status.QUEUED: "Queued",
    Status.IN_REVIEW: "In review",
    Status.ACCEPTED: "Accepted",
    Status.REJECTED: "Rejected",
    Status.SCREENED_OUT: "Screened out",
    Status.SPAM: "Spam",
    Status.WON: "Won",
    Status.LOST: "Lost",
}

#: Where an accepted lead stands in the sales cycle (its status stays "accepted"
#: until it is won or lost). The articles' order: a first meeting, the network
#: assessment, a proposal, then the decision.
STAGES = {
    "new": "Accepted, no meeting yet",
    "first_meeting": "First meeting held",
    "assessment": "Assessment done",
    "proposal": "Proposal sent",
}
#: The pipeline board's columns: the open stages, then how leads closed.
PIPELINE_COLUMNS = {**STAGES, Status.WON: "Won", Status.LOST: "Lost"}

#: How a touch went, chosen when staff mark it done.
OUTCOMES = {
    "done": "Done",
    "talked": "Talked to them",
    "meeting_booked": "Meeting booked",
    "left_message": "Left a message",
    "no_answer": "No answer",
    "not_now": "Not now, try later",
}

#: Reasons that screen a lead out (DESIGN.md "Screening"); a lead may carry several.
REASONS = {
    "not_msp": "Not an IT provider",
    "too_large": "Too large",
    "under_budget": "Under budget",
}

#: Flags lower a queued lead's priority and never change its status.
FLAGS = {
    "tire_kicker": "Tire kicker",
    "not_decision_maker": "Not decision maker",
}


@dataclass(frozen=True)
class Action:
    """An audited change: ``done`` reads in the history ("Sam claimed"), ``verb``
    in a refusal ("Cannot claim this lead")."""

    done: str
    verb: str


ACTIONS = {
    "claim": Action("claimed", "claim"),
    "unclaim": Action("released the claim", "release the claim on"),
    "accept": Action("accepted", "accept"),
    "reject": Action("rejected", "reject"),
    "release": Action("released into the queue", "release"),
    "mark_spam": Action("marked as spam", "mark as spam"),
    "mark_not_spam": Action("marked as not spam", "mark as not spam"),
    "note": Action("added a note", "add a note to"),
    "create_account": Action("created account", "create"),
    "disable_account": Action("disabled account", "disable"),
    "enable_account": Action("enabled account", "enable"),
    "set_password": Action("set password", "set the password of"),
    "end_sessions": Action("ended every session of", "end the sessions of"),
    "stage": Action("moved in the pipeline", "move"),
    "win": Action("won", "mark as won"),
    "lose": Action("lost", "mark as lost"),
    "reopen": Action("reopened", "reopen"),
    "touch_done": Action("completed a touch", "complete a touch of"),
    "touch_reschedule": Action("rescheduled a touch", "reschedule a touch of"),
    "touch_add": Action("added a touch", "add a touch to"),
    "spacing_override": Action("overrode the spacing rule", "override the spacing of"),
    "rescreen": Action("screened again with new rules", "screen again"),
}


def label(kind: str, value: str) -> str:
    """The word a person reads for a stored id; an unknown id reads as itself."""
    if kind == "action":
        action = ACTIONS.get(value)
        return action.done if action else value.replace("_", " ")
    table = {"status": STATUSES, "reason": REASONS, "flag": FLAGS, "stage": PIPELINE_COLUMNS,
             "outcome": OUTCOMES}[kind]
    return table.get(value, value.replace("_", " "))
