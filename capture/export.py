"""The one CSV writer for leads, shared by the CLI export and the staff download.

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula, so such cells get a leading ``'``; a cell that itself starts with ``'``
gets one too, so that ``read_rows`` can strip exactly one and every value
round-trips. Pure: objects with the lead's attributes in, text out.
"""

import csv
import io
from collections.abc import Iterable
from collections.abc import Iterator
from typing import TextIO

COLUMNS = (
    "id", "received_at", "status", "reasons", "flags", "name", "email", "company",
    "company_type", "employees", "monthly_budget", "role", "interest", "source",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def guard(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def unguard(value: str) -> str:
    return value[1:] if value.startswith("'") else value


def lead_row(lead) -> dict[str, str]:
    return {
        "id": lead.public_id,
        "received_at": lead.received_at.isoformat(),
        "status": lead.status,
        "reasons": ";".join(lead.reason_ids),
        "flags": ";".join(lead.flag_ids),
        "name": lead.name,
        "email": lead.email,
        "company": lead.company,
        "company_type": lead.company_type,
        "employees": str(lead.employees),
        "monthly_budget": str(lead.monthly_budget),
        "role": lead.role,
        "interest": lead.interest,
        "source": lead.source,
    }


def csv_lines(leads: Iterable) -> Iterator[str]:
    """The header line, then one line per lead: what a streamed download sends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def line(cells) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()

    yield line(COLUMNS)
    for lead in leads:
        row = lead_row(lead)
        yield line([guard(row[column]) for column in COLUMNS])


def write_rows(leads: Iterable, stream: TextIO) -> int:
    """Write the CSV to ``stream``; return how many leads it holds."""
    count = -1  # the header is not a lead
    for text in csv_lines(leads):
        stream.write(text)
        count += 1
    return count


def read_rows(stream: TextIO) -> Iterator[dict[str, str]]:
    for row in csv.DictReader(stream):
        yield {column: unguard(value) for column, value in row.items()}
