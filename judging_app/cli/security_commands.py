"""The CLI's trust commands: signing in, people, protecting a database, the key store,
verifying finalized results, reopening them, and (store/server_sql.py) a server's setup.

Signing in: `--user LOGIN` (or JUDGING_APP_USER); the password is asked (no echo) or read
from JUDGING_APP_PASSWORD. Nothing is remembered between commands. On an unprotected
database a name is enough (`--user "Ani"`, recorded as not verified); a registered login
with its password signs in verified there too.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from judging_app.cli.access import UsageError
from judging_app.cli.parsing import add_json
from judging_app.cli.say import say, text
from judging_app.core.messages import Message

USER_ENV, PASSWORD_ENV, PASSPHRASE_ENV = "JUDGING_APP_USER", "JUDGING_APP_PASSWORD", \
    "JUDGING_APP_KEYS_PASSPHRASE"
LEGACY_USER_ENV = "JUDGING_APP_AS"


class SignInError(UsageError):
    """Wrong usage: nobody said who is working, or how (exit code 2)."""


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def given_user(args) -> str:
    name = (getattr(args, "actor", None) or os.environ.get(USER_ENV, "")
            or os.environ.get(LEGACY_USER_ENV, "")).strip()
    return " ".join(name.split())


def password_for(login: str) -> str | None:
    if PASSWORD_ENV in os.environ:
        return os.environ[PASSWORD_ENV]
    if _interactive():
        return getpass.getpass(text(Message("cli.ask_password", login=login)))
    return None


def workspace(args, db):
    """The signed-in person (or, on an unprotected database, the typed name)."""
    from judging_app.services import people
    from judging_app.services.workspace import Workspace

    mode = people.security_mode(db)
    if mode == "server":
        return Workspace(db, people.server_principal(db))
    name = given_user(args)
    if mode == "open":
        if name and PASSWORD_ENV in os.environ and not people.unknown_login(db, name):
            return Workspace(db, people.sign_in(db, name, os.environ[PASSWORD_ENV]))
        if not name and _interactive():
            name = " ".join(input(text(Message("cli.ask_name"))).split())
        if not name:
            raise SignInError(Message("auth.name_needed"))
        return Workspace(db, name)
    if not name and _interactive():
        name = input(text(Message("cli.ask_login"))).strip()
    password = password_for(name) if name else None
    if not name or password is None:
        raise SignInError(Message("auth.password_needed"))
    return Workspace(db, people.sign_in(db, name, password))


def server_url(args, target: str | None) -> str | None:
    """On a PostgreSQL URL without a user name, `--user LOGIN` connects as that person's
    login role (store/server_sql.login_role) with the password asked or from the
    environment: signing in to a server is its login."""
    if not target or "://" not in target or not target.startswith("postgresql"):
        return target
    from sqlalchemy.engine import make_url

    url = make_url(target)
    login = given_user(args)
    if url.username or not login:
        return target
    from judging_app.store.server_sql import login_role

    password = password_for(login)
    if password is None:
        raise SignInError(Message("auth.password_needed"))
    return url.set(username=login_role(url.database or "", login),
                   password=password).render_as_string(hide_password=False)


# ---- people ---------------------------------------------------------------------------

def _new_password(args, login: str) -> tuple[str | None, bool]:
    """(password, generated) for `people add` / `reset-password`."""
    from judging_app.services.people import generate_password

    if args.generate_password:
        return generate_password(), True
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n"), False
    if _interactive():
        first = getpass.getpass(text(Message("cli.ask_new_password", login=login)))
        if first != getpass.getpass(text(Message("cli.ask_again"))):
            raise SignInError(Message("people.passwords_differ"))
        return first, False
    raise SignInError(Message("people.password_how"))


def _judge_links(values: list[str] | None) -> tuple[tuple[str, str], ...]:
    out = []
    for value in values or []:
        comp, _, judge = value.rpartition("/")
        if not comp or not judge:
            raise SignInError(Message("people.judge_link_form", value=value))
        out.append((comp, judge))
    return tuple(out)


def cmd_people(args) -> int:
    from judging_app.cli.access import open_db as _open
    from judging_app.core.people import Role
    from judging_app.services import people

    db = _open(args)
    if args.action == "list":
        rows = people.list_people(db)
        if args.json:
            from judging_app.cli.tables import print_json

            print_json({"people": [{"login": p.login, "name": p.name, "nip": p.nip,
                                    "roles": list(p.roles), "judges": list(p.judges),
                                    "disabled": p.disabled} for p in rows]})
            return 0
        if not rows:
            say(Message("people.none"))
        for p in rows:
            state = text(Message("cli.people_disabled")) if p.disabled else ""
            print(f"{p.login}\t{p.name}\t{','.join(p.roles)}\t{','.join(p.judges)}{state}")
        return 0
    ws = workspace(args, db)
    if args.action == "add":
        roles = tuple(Role(r) for r in args.role)
        password, generated = _new_password(args, args.login)
        data = people.PersonInput(args.login, args.name, args.nip or "", roles,
                                  _judge_links(args.judge))
        rec = people.add_person(ws, data, password)
        say(Message("people.added", login=rec.login, name=rec.name,
                          roles=list(rec.roles)))
    elif args.action in ("disable", "enable"):
        people.set_disabled(ws, args.login, args.action == "disable")
        say(Message("people.disabled", login=args.login) if args.action == "disable"
            else Message("people.enabled", login=args.login))
        return 0
    elif args.action == "roles":
        rec = people.set_roles(ws, args.login, tuple(Role(r) for r in args.role),
                               _judge_links(args.judge) if args.judge is not None else None)
        say(Message("people.roles_set", login=rec.login, roles=list(rec.roles)))
        return 0
    else:  # reset-password
        password, generated = _new_password(args, args.login)
        people.reset_password(ws, args.login, password)
        say(Message("people.password_reset", login=args.login))
    if generated:
        say(Message("people.generated_password", password=password))
    return 0


def cmd_protect(args, db) -> int:
    from judging_app.services import people
    from judging_app.services.workspace import Workspace

    login = given_user(args)
    password = password_for(login) if login else None
    if not login or password is None:
        raise SignInError(Message("people.protect_needs_sign_in"))
    people.protect(Workspace(db, people.sign_in(db, login, password)))
    say(Message("people.protected", where=db.display_name()))
    return 0


# ---- keys, verify, reopen ----------------------------------------------------------

def _passphrase(twice: bool) -> str:
    if PASSPHRASE_ENV in os.environ:
        return os.environ[PASSPHRASE_ENV]
    if not _interactive():
        raise SignInError(Message("keys.passphrase_how"))
    first = getpass.getpass(text(Message("cli.ask_passphrase")))
    if twice and first != getpass.getpass(text(Message("cli.ask_again"))):
        raise SignInError(Message("people.passwords_differ"))
    return first


def cmd_keys(args) -> int:
    from judging_app.services import keys, keys_transfer

    if args.action == "export":
        from judging_app.cli.access import open_db as _open

        db = None if args.all else _open(args)
        report = keys_transfer.export_keys(Path(args.out), _passphrase(True), db)
        say(Message("keys.exported", path=args.out, count=len(report.written)))
        if report.missing:
            say(Message("keys.not_here", competitions=list(report.missing)), err=True)
        return 0
    if args.action == "take-out":
        from judging_app.cli.access import open_db as _open
        from judging_app.services import competitions, signing

        db = _open(args)
        ws = workspace(args, db)
        codes = [c.code for c in competitions.list_competitions(db)]
        for code in codes:
            signing.prepare(ws, code)
        say(Message("keys.taken_out", competitions=codes, folder=str(keys.key_folder())))
        return 0
    report = keys_transfer.import_keys(Path(args.file), _passphrase(False))
    say(Message("keys.imported", count=len(report.written),
                      unchanged=len(report.unchanged), folder=str(keys.key_folder())))
    return 0


def cmd_verify(args) -> int:
    from judging_app.cli.access import open_db as _open
    from judging_app.services.verification import verify_competition

    report = verify_competition(_open(args), args.competition, args.digest)
    if report.digest:
        r = report.receipt
        say(Message("verify.receipt", competition=report.competition,
                          digest=report.digest, head=r.get("audit_head", "—"),
                          events=r.get("events", 0), entries=r.get("entries", 0),
                          sheets=r.get("sheets", 0)))
    if report.ok:
        say(Message("verify.ok", competition=report.competition))
        return 0
    say(Message("verify.failed", competition=report.competition,
                      count=len(report.problems)), err=True)
    for problem in report.problems:
        say("  " + text(problem), err=True)
    return 1


def cmd_reopen(args) -> int:
    from judging_app.cli.access import open_db as _open
    from judging_app.services import reopening

    db = _open(args)
    ws = workspace(args, db)
    if args.action == "approve":
        reopening.approve_reopening(ws, args.competition, args.reason)
        say(Message("reopen.approved", competition=args.competition))
    else:
        reopening.reopen_finalized(ws, args.competition, args.reason)
        say(Message("reopen.done", competition=args.competition))
    return 0


def cmd_audit(args, db) -> int:
    from judging_app.services.audit_verify import verify_trail

    check = verify_trail(db)
    for note in check.notes:
        say(note)
    if check.ok:
        say(Message("audit.intact", events=check.events, keyed=check.keyed))
        return 0
    say(Message("audit.tampered", count=len(check.problems)), err=True)
    for problem in check.problems:
        say("  " + text(problem), err=True)
    if any(p.code == "audit.tail_missing" for p in check.problems):
        say(Message("restore.hint", command='judging-app db restored --reason "…"'), err=True)
    return 1


def add_parsers(sub, common) -> None:
    roles = ["secretariat", "chair", "judge", "observer"]
    ppl = sub.add_parser("people", help="people who sign in, their roles and passwords")
    ppl.set_defaults(module="security_commands")
    psub = ppl.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = psub.add_parser("list", parents=[common], help="registered people and their roles")
    add_json(p)
    for action, about in (("add", "register a person"),
                         ("reset-password", "set a new password"),
                         ("roles", "replace a person's roles (and judge links)"),
                         ("disable", "the person can no longer sign in"),
                         ("enable", "the person can sign in again")):
        p = psub.add_parser(action, parents=[common], help=about)
        p.add_argument("--login", required=True, metavar="LOGIN",
                       help="what the person signs in with (lower case letters, digits, _)")
        if action == "add":
            p.add_argument("--name", required=True, help="full name, as in the minutes")
            p.add_argument("--nip", help="civil servant number (NIP)")
        if action in ("add", "roles"):
            p.add_argument("--role", action="append", choices=roles, required=True,
                           help="a role the person holds (repeatable): secretariat runs "
                                "competitions and people, chair decides ties and signs off "
                                "reopening, judge scores the judge rows linked, observer "
                                "reads only")
            p.add_argument("--judge", action="append", metavar="COMPETITION/JUDGE",
                           help="the judge row this person scores (repeatable)")
        if action in ("add", "reset-password"):
            how = p.add_mutually_exclusive_group()
            how.add_argument("--password-stdin", action="store_true",
                             help="read the new password from standard input")
            how.add_argument("--generate-password", action="store_true",
                             help="make one up and show it once")
    keys = sub.add_parser("keys", help="the key store: backup and a second secretariat PC")
    keys.set_defaults(module="security_commands")
    ksub = keys.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = ksub.add_parser("export", parents=[common],
                        help="write this database's keys to a file protected by a passphrase")
    p.add_argument("--out", required=True, metavar="FILE", help="the key file to write "
                   "(its passphrase is asked, or read from JUDGING_APP_KEYS_PASSPHRASE)")
    p.add_argument("--all", action="store_true", help="every key on this computer")
    p = ksub.add_parser("import", parents=[common], help="add the keys of an exported file")
    p.add_argument("file", metavar="FILE", help="a key file written by keys export")
    ksub.add_parser("take-out", parents=[common],
                    help="move judges' keys still stored in an older database into the key "
                         "store (the secretariat; done on first use anyway)")
    p = sub.add_parser("verify", parents=[common],
                       help="recompute finalized results from the scores and compare them "
                            "with the snapshot and the printed digest")
    p.add_argument("--competition", required=True, metavar="CODE",
                   help="the competition's code")
    p.add_argument("--digest", metavar="HEX", help="the digest printed on the signed minutes")
    p.set_defaults(module="security_commands")
    rp = sub.add_parser("reopen", help="reopen finalized results (chair, then secretariat)")
    rp.set_defaults(module="security_commands")
    rsub = rp.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, about in (("approve", "the chair signs off the reopening"),
                          ("apply", "the secretariat reopens the results")):
        p = rsub.add_parser(action, parents=[common], help=about)
        p.add_argument("--competition", required=True, metavar="CODE",
                       help="the competition's code")
        p.add_argument("--reason", required=True, help="why (recorded in the audit trail)")
    srv = sub.add_parser("server", help="a shared PostgreSQL server: its locked-down layout")
    srv.set_defaults(module="security_commands")
    ssub = srv.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = ssub.add_parser("init", parents=[common],
                        help="run by the server's administrator: the app's schema, owner and "
                             "group roles, grants, row-level security (again after upgrading)")
    p.add_argument("--secretariat", metavar="LOGIN",
                   help="also create this first secretariat's login (password asked)")
    p.add_argument("--name", help="the first secretariat's full name")


def cmd_server(args) -> int:
    from judging_app.store import server_sql

    first = None
    if args.secretariat:
        if not args.name:
            raise SignInError(Message("server.name_needed"))
        password = password_for(args.secretariat)
        if password is None:
            raise SignInError(Message("auth.password_needed"))
        first = (args.secretariat.strip().lower(), args.name, password)
    report = server_sql.init_server(args.db, first)
    say(Message("server.initialized", database=report.database, schema=report.schema,
                      prefix=report.prefix))
    return 0


HANDLERS = {"people": cmd_people, "keys": cmd_keys, "verify": cmd_verify,
            "reopen": cmd_reopen, "server": cmd_server}


def run(args) -> int:
    return HANDLERS[args.command](args)
