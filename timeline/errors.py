"""Errors that name the file (and line), the problem and, where useful, a hint."""
from __future__ import annotations


class TimelineError(Exception):
    """Base of the errors the CLI turns into a one-line message and an exit code."""
    exit_code = 1


class InputError(TimelineError):
    """A document that cannot be read: the run skips it and goes on."""
    exit_code = 2

    def __init__(self, path: str, problem: str, line: int | None = None):
        self.path, self.problem, self.line = path, problem, line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class DatabaseBusy(TimelineError):
    """Another process holds the database for writing."""
    exit_code = 3

    def __init__(self, path: str):
        super().__init__(f"{path}: database is in use by another process; try again when it has finished")


class SchemaError(TimelineError):
    exit_code = 4
