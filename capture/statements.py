"""SQLAlchemy statements compiled once per database and run on the driver's own
connection, for the one path where SQLAlchemy's execution cost more than the
database: ``POST /leads`` (``capture.intake``).

Measured per lead, in one process, interleaved: ``intake.receive`` took a median
2.4 ms of CPU through the ORM session and Core execution, 1.7 ms this way (screening
0.3-0.5 ms of either); the database's own work is about 0.6 ms of it.
What stays SQLAlchemy's is everything that makes the SQL right: the statement is
built from the same ``Table``, compiled by the engine's dialect (placeholders,
casts, ``RETURNING``), and every value passes through its column type's own bind
processor (``UTCDateTime``, JSON), so SQLite and PostgreSQL receive exactly what
the ORM would have sent them. What is skipped is the per-execution bookkeeping.
Every other query in the service goes through the ORM as usual.
"""

from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table
from sqlalchemy import bindparam
from sqlalchemy import insert
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement


@dataclass(frozen=True)
class Compiled:
    """One statement as its database's driver takes it: SQL text, the parameters
    in the order the driver wants them, and how each value is converted."""

    sql: str
    keys: tuple[str, ...]
    converters: tuple[Callable[[Any], Any] | None, ...]
    positional: bool
    fixed: Mapping[str, Any]

    def parameters(self, values: Mapping[str, Any]) -> list | dict:
        """The driver's parameters; a missing value is a KeyError naming it."""
        converted = []
        for key, convert in zip(self.keys, self.converters, strict=True):
            value = values[key] if key in values else self.fixed[key]
            converted.append(value if convert is None or value is None else convert(value))
        return converted if self.positional else dict(zip(self.keys, converted, strict=True))


def compile_for(statement: ClauseElement, dialect: Dialect) -> Compiled:
    compiled = statement.compile(dialect=dialect)
    binds = compiled.binds
    keys = tuple(compiled.positiontup or binds)
    converters = tuple(binds[key].type.dialect_impl(dialect).bind_processor(dialect)
                       for key in keys)
    fixed = {key: binds[key].effective_value for key in keys if not binds[key].required}
    return Compiled(str(compiled), keys, converters, bool(compiled.positiontup), fixed)


def insert_row(table: Table, *, returning=None) -> ClauseElement:
    """An INSERT naming every column but a generated primary key, each one a
    parameter of the column's type: the caller gives every value (a Python-side
    column default is not applied here)."""
    columns = [column for column in table.columns
               if not (column.primary_key and column.autoincrement)]
    statement = insert(table).values(
        {column.name: bindparam(column.name, type_=column.type) for column in columns})
    return statement.returning(returning) if returning is not None else statement


def scalar_defaults(table: Table) -> dict[str, Any]:
    """The values ``insert_row``'s caller may leave out: constant column defaults
    (``default=""``) and None for a nullable column without a default. A required
    column, or one whose default is computed (a time, an id), must be given."""
    defaults = {}
    for column in table.columns:
        default = column.default
        if default is not None and default.is_scalar:
            defaults[column.name] = default.arg
        elif default is None and column.nullable:
            defaults[column.name] = None
    return defaults
