"""The database a command works on and who is working, for the command modules."""

from __future__ import annotations


def read(args):
    """The database (--db) for a command that only reads: never created by a typo."""
    from judging_app.cli.commands import _read

    return _read(args)


def workspace(args):
    """The database and the person working (--as / --user), for a command that writes."""
    from judging_app.cli.commands import _workspace

    return _workspace(args)
