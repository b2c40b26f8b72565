"""A shared PostgreSQL server, locked down: `judging-app server init --db URL`, run by
whoever administers the server (a role that may create roles and owns the database).

What it makes (the names carry a prefix derived from the database's name, so that two app
databases, or two test runs, on one server never share a role):

- schema `judging` (not `public`) owned by `<prefix>_owner` (NOLOGIN): the tables move
  there; the database's search_path points to it;
- group roles `<prefix>_secretariat`, `_chair`, `_judge`, `_observer` (NOLOGIN) and
  `<prefix>_app`, which every person's login joins;
- one LOGIN role per person, `<prefix>_u_<login>`, made by `judging-app people add`
  through a function (the secretariat never holds CREATEROLE);
- grants per group, row-level security (a judge's login sees only that judge's
  assignments, sheets, scores and entries; no totals, no other judge's anything, results
  only once finalized), the audit trail append-only for every role (triggers), appended
  and chained by the database itself (store/server_functions.py), its key in a table no
  login can read.

Signing in to such a database is its PostgreSQL login: the app connects as
`<prefix>_u_<login>` with the person's password.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from judging_app.store.models import Base
from judging_app.store.server_functions import functions_sql

SCHEMA = "judging"
GROUPS = ("secretariat", "chair", "judge", "observer")
STAFF = ("secretariat", "chair", "observer")
TOTALS = ("entry_round_totals", "entry_criterion_totals", "sheet_totals")
AUDIT = ("audit_events", "audit_head")
JUDGE_READS = ("competitions", "categories", "units", "rounds", "criteria", "criterion_levels",
               "award_tiers", "app_security", "alembic_version", "entries", "attachments",
               "judges", "conflicts", "assignments", "score_sheets", "scores", "people",
               "person_roles", "person_judges", "result_snapshots", "entry_documents",
               "documents", "document_chunks", "document_limits")
SCORING_OPEN = ("EXISTS (SELECT 1 FROM rounds r JOIN competitions c ON c.id = r.competition_id"
                " WHERE r.id = round_id AND c.status = 'judging')")


def prefix_for(database: str) -> str:
    slug = re.sub(r"[^a-z0-9]", "", database.lower())[:16] or "db"
    return f"ja_{slug}_{hashlib.sha256(database.encode()).hexdigest()[:6]}"


def login_role(database: str, login: str) -> str:
    return f"{prefix_for(database)}_u_{login.strip().lower()}"


def scram_verifier(password: str, iterations: int = 4096) -> str:
    """A SCRAM-SHA-256 verifier (RFC 5802/7677): the server stores it; the password itself
    never reaches the server's statements or logs."""
    salt = secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored = hashlib.sha256(client_key).digest()
    server = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored)}:{b64(server)}"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class InitReport:
    database: str
    schema: str
    prefix: str
    moved: int  # tables moved out of public


def _policies(p: str) -> list[str]:
    """Row-level security: (table, policy name, clause) as SQL statements."""
    sec, judge, staff = _q(f"{p}_secretariat"), _q(f"{p}_judge"), ", ".join(
        _q(f"{p}_{g}") for g in STAFF)
    mine = (f"(SELECT lj.judge_id FROM {SCHEMA}.login_judges lj"
            " WHERE lj.login_role = session_user)")
    # Correlated, so that each row is one index probe (ix_assignments_judge_entry, the
    # sheets' primary key) rather than a scan of every judge's assignments per query.
    def assigned(column: str) -> str:
        return (f"EXISTS (SELECT 1 FROM assignments a WHERE a.entry_id = {column}"
                f" AND a.judge_id IN {mine})")

    def own_sheet(drafts: bool) -> str:
        return (f"EXISTS (SELECT 1 FROM score_sheets sh WHERE sh.id = sheet_id AND sh.judge_id"
                f" IN {mine}{' AND sh.state = {}'.format(repr('draft')) if drafts else ''})")

    # a judge's own score is on the criterion's scale, for a criterion of the sheet's round
    # (what services/sheets.check_value checks; a login need not go through the app)
    on_scale = ("EXISTS (SELECT 1 FROM score_sheets sh JOIN criteria c ON c.round_id ="
                " sh.round_id WHERE sh.id = scores.sheet_id AND c.id = scores.criterion_id"
                " AND scores.value_milli BETWEEN c.scale_min_milli AND c.scale_max_milli AND"
                " (scores.value_milli - c.scale_min_milli) % c.scale_step_milli = 0)")
    # assigned to this entry in the sheet's round, not just in some round
    assigned_here = (f"EXISTS (SELECT 1 FROM assignments a WHERE a.entry_id ="
                     f" score_sheets.entry_id AND a.round_id = score_sheets.round_id"
                     f" AND a.judge_id IN {mine})")
    # a judge's sheet is submitted with every criterion of its round scored (a missing
    # one counts as 0, below the scale); a definer function: scores' policies read score_sheets
    complete = f"(state <> 'submitted' OR {SCHEMA}.app_sheet_complete(id, round_id))"
    me = f"{SCHEMA}.app_person_id()"
    rules: dict[str, list[str]] = {
        "entries": [f"judge_read FOR SELECT TO {judge} USING ({assigned('entries.id')})"],
        "attachments": [f"judge_read FOR SELECT TO {judge} USING"
                        f" ({assigned('attachments.entry_id')})"],
        "judges": [f"judge_read FOR SELECT TO {judge} USING (id IN {mine})"],
        # the proposals of the judge's own entries (judge mode's PDF pane), nothing else
        "entry_documents": [f"judge_read FOR SELECT TO {judge} USING"
                            f" ({assigned('entry_documents.entry_id')})"],
        "documents": [f"judge_read FOR SELECT TO {judge} USING (EXISTS (SELECT 1 FROM"
                      f" entry_documents ed WHERE ed.sha256 = documents.sha256 AND"
                      f" {assigned('ed.entry_id')}))"],
        "document_chunks": [f"judge_read FOR SELECT TO {judge} USING (EXISTS (SELECT 1 FROM"
                            f" entry_documents ed WHERE ed.sha256 = document_chunks.sha256 AND"
                            f" {assigned('ed.entry_id')}))"],
        "conflicts": [f"judge_read FOR SELECT TO {judge} USING (judge_id IN {mine})",
                      f"judge_insert FOR INSERT TO {judge} WITH CHECK (judge_id IN {mine})",
                      f"judge_update FOR UPDATE TO {judge} USING (judge_id IN {mine})"
                      f" WITH CHECK (judge_id IN {mine})"],
        "assignments": [f"judge_read FOR SELECT TO {judge} USING (judge_id IN {mine})",
                        f"judge_delete FOR DELETE TO {judge} USING (judge_id IN {mine})"],
        "score_sheets": [
            f"judge_read FOR SELECT TO {judge} USING (judge_id IN {mine})",
            f"judge_insert FOR INSERT TO {judge} WITH CHECK (judge_id IN {mine} AND"
            f" state = 'draft' AND {assigned_here} AND {SCORING_OPEN})",
            f"judge_update FOR UPDATE TO {judge} USING (judge_id IN {mine} AND state = 'draft')"
            f" WITH CHECK (judge_id IN {mine} AND {SCORING_OPEN} AND {complete})",
            f"judge_delete FOR DELETE TO {judge} USING (judge_id IN {mine} AND state = 'draft')"],
        "scores": [
            f"judge_read FOR SELECT TO {judge} USING ({own_sheet(False)})",
            f"judge_insert FOR INSERT TO {judge} WITH CHECK ({own_sheet(True)} AND {on_scale})",
            f"judge_update FOR UPDATE TO {judge} USING ({own_sheet(True)})"
            f" WITH CHECK ({own_sheet(True)} AND {on_scale})",
            f"judge_delete FOR DELETE TO {judge} USING ({own_sheet(True)})"],
        "people": [f"judge_read FOR SELECT TO {judge} USING (id = {me})"],
        "person_roles": [f"judge_read FOR SELECT TO {judge} USING (person_id = {me})"],
        "person_judges": [f"judge_read FOR SELECT TO {judge} USING (person_id = {me})"],
        "result_snapshots": [
            f"judge_read FOR SELECT TO {judge} USING (superseded_at IS NULL AND competition_id"
            " IN (SELECT id FROM competitions WHERE status = 'finalized'))"],
        "decisions": [
            f"secretariat_insert FOR INSERT TO {sec} WITH CHECK"
            " (kind NOT IN ('tie_break', 'reopen_approval'))",
            f"chair_insert FOR INSERT TO {_q(p + '_chair')} WITH CHECK"
            " (kind IN ('tie_break', 'reopen_approval'))"],
    }
    out = []
    for table, policies in rules.items():
        out.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        out.append(f"CREATE POLICY staff_read ON {table} FOR SELECT TO {staff} USING (true)")
        if table != "decisions":
            out.append(f"CREATE POLICY secretariat_all ON {table} FOR ALL TO {sec}"
                       " USING (true) WITH CHECK (true)")
        for policy in policies:
            name, rest = policy.split(" ", 1)
            out.append(f"CREATE POLICY {name} ON {table} {rest}")
    return out


def _grants(p: str) -> list[str]:
    g = {name: _q(f"{p}_{name}") for name in (*GROUPS, "app")}
    staff = ", ".join(g[x] for x in STAFF)
    tables = [t for t in Base.metadata.tables] + ["alembic_version"]
    secretariat_writes = [t for t in tables if t not in (*TOTALS, *AUDIT, "decisions",
                                                         "alembic_version", "app_security")]
    f = f"{SCHEMA}."
    return [
        f"REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {SCHEMA} TO {g['app']}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {SCHEMA} FROM PUBLIC",
        f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {SCHEMA} FROM PUBLIC",
        f"GRANT SELECT ON {', '.join(tables)} TO {staff}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(secretariat_writes)} TO {g['secretariat']}",
        f"GRANT INSERT ON decisions TO {g['secretariat']}, {g['chair']}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO {g['secretariat']}",
        f"GRANT USAGE, SELECT ON SEQUENCE decisions_id_seq TO {g['chair']}",
        f"GRANT SELECT ON {', '.join(JUDGE_READS)} TO {g['judge']}",
        f"GRANT INSERT, DELETE ON score_sheets, scores TO {g['judge']}",
        f"GRANT UPDATE (state, version, source, overall_comment, submitted_at, updated_at)"
        f" ON score_sheets TO {g['judge']}",
        f"GRANT UPDATE (value_milli, comment) ON scores TO {g['judge']}",
        f"GRANT INSERT, UPDATE (source, reason, reason_text, declared_by, declared_at)"
        f" ON conflicts TO {g['judge']}",
        f"GRANT DELETE ON assignments TO {g['judge']}",
        f"GRANT USAGE, SELECT ON SEQUENCE score_sheets_id_seq, scores_id_seq, conflicts_id_seq"
        f" TO {g['judge']}",
        f"GRANT EXECUTE ON FUNCTION {f}app_login(), {f}app_person_id(), {f}app_has_role(text),"
        f" {f}app_my_judges(), {f}app_whoami(), {f}refresh_entry_totals(integer[]),"
        f" {f}app_sheet_complete(integer, integer),"
        f" {f}audit_append(integer, text, text, text, text, text, text),"
        f" {f}app_set_password(text, text) TO {g['app']}",
        f"GRANT EXECUTE ON FUNCTION {f}audit_verify() TO {staff}",
        f"GRANT EXECUTE ON FUNCTION {f}app_create_login(text, text, text[]),"
        f" {f}app_set_roles(text, text[]), {f}app_set_login(text, boolean) TO {g['secretariat']}",
    ]


def _login_judges(p: str) -> list[str]:
    """Each judge login's judge rows, readable by that login alone, kept by triggers."""
    out = ["ALTER TABLE login_judges ENABLE ROW LEVEL SECURITY",
           f"CREATE POLICY own ON login_judges FOR SELECT TO {_q(p + '_app')}"
           " USING (login_role = session_user)",
           f"GRANT SELECT ON login_judges TO {_q(p + '_app')}"]
    for table in ("people", "person_roles", "person_judges"):
        out += [f"DROP TRIGGER IF EXISTS {table}_login_judges ON {table}",
                f"CREATE TRIGGER {table}_login_judges AFTER INSERT OR UPDATE OR DELETE OR"
                f" TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION"
                f" {SCHEMA}.app_refresh_login_judges()"]
    # and at once, for the people there already
    out.append("UPDATE people SET disabled = disabled WHERE false")
    return out


def _ensure_role(conn, name: str, login: bool = False) -> None:
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first():
        return
    conn.execute(text(f"CREATE ROLE {_q(name)} {'LOGIN' if login else 'NOLOGIN'}"))


def _move_tables(conn, owner: str) -> int:
    ours = set(Base.metadata.tables) | {"alembic_version"}
    found = set(conn.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())
    moving = sorted(ours & found)
    for table in moving:
        conn.execute(text(f"ALTER TABLE public.{_q(table)} SET SCHEMA {SCHEMA}"))
    for table in sorted(ours):
        conn.execute(text(f"ALTER TABLE {SCHEMA}.{_q(table)} OWNER TO {_q(owner)}"))
    return len(moving)


def _triggers(conn) -> None:
    for table in ("audit_events", "audit_secret"):
        for name, when in (("append_only", "BEFORE UPDATE OR DELETE ON {t} FOR EACH ROW"),
                           ("no_truncate", "BEFORE TRUNCATE ON {t} FOR EACH STATEMENT")):
            conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_{name} ON {table}"))
            conn.execute(text(f"CREATE TRIGGER {table}_{name} {when.format(t=table)}"
                              f" EXECUTE FUNCTION {SCHEMA}.app_refuse_change()"))


def _finalized_guard(conn) -> None:
    """Reopening finalized results needs the chair's sign-off, whoever's login does it;
    until then a finalized competition's sheets and scores are locked."""
    for table, when in (("competitions", "BEFORE UPDATE OF status"),
                        ("result_snapshots", "BEFORE DELETE"),
                        ("score_sheets", "BEFORE INSERT OR UPDATE OR DELETE"),
                        ("scores", "BEFORE INSERT OR UPDATE OR DELETE")):
        conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_finalized_guard ON {table}"))
        conn.execute(text(f"CREATE TRIGGER {table}_finalized_guard {when} ON {table}"
                          f" FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.app_guard_finalized()"))
    conn.execute(text("DROP TRIGGER IF EXISTS person_roles_chair_guard ON person_roles"))
    conn.execute(text("CREATE TRIGGER person_roles_chair_guard BEFORE INSERT OR UPDATE OR DELETE"
                      " ON person_roles FOR EACH ROW EXECUTE FUNCTION"
                      f" {SCHEMA}.app_guard_chair()"))


def _drop_policies(conn) -> None:
    for table, name in conn.execute(text(
            "SELECT tablename, policyname FROM pg_policies WHERE schemaname = :s"),
            {"s": SCHEMA}).all():
        conn.execute(text(f"DROP POLICY {_q(name)} ON {SCHEMA}.{_q(table)}"))


def init_server(target: str, first: tuple[str, str, str] | None = None) -> InitReport:
    """Lock the database at `target` down (see the module docstring); idempotent, so it is
    also how the administrator re-applies grants after an upgrade. `first`: (login, name,
    password) of a first secretariat to create."""
    from judging_app.store.database import open_database

    db = open_database(target, server_admin=True)
    database = db.url.database or ""
    p = prefix_for(database)
    owner = f"{p}_owner"
    try:
        with db.engine.begin() as conn:
            legacy = conn.execute(text(
                "SELECT count(*) FROM judges WHERE package_secret IS NOT NULL")).scalar()
            if legacy:  # staff logins could read them: they must leave the database first
                from judging_app.core.messages import Message
                from judging_app.store.database import DatabaseOpenError

                raise DatabaseOpenError(Message("server.keys_in_database", count=legacy))
            conn.execute(text(f"SELECT pg_advisory_xact_lock({int(hashlib.sha256(p.encode()).hexdigest()[:12], 16)})"))
            for name in (owner, *(f"{p}_{g}" for g in (*GROUPS, "app"))):
                _ensure_role(conn, name)
            conn.execute(text(f"ALTER ROLE {_q(owner)} CREATEROLE"))
            conn.execute(text(f"GRANT {_q(owner)} TO CURRENT_USER"))
            for g in (*GROUPS, "app"):
                conn.execute(text(f"GRANT {_q(f'{p}_{g}')} TO {_q(owner)} WITH ADMIN OPTION"))
            conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA} AUTHORIZATION {_q(owner)}"))
            moved = _move_tables(conn, owner)
            conn.execute(text(f"SET LOCAL search_path = {SCHEMA}"))
            conn.execute(text(
                "CREATE TABLE IF NOT EXISTS audit_secret (id integer PRIMARY KEY CHECK (id = 1),"
                " secret bytea NOT NULL)"))
            conn.execute(text(f"ALTER TABLE audit_secret OWNER TO {_q(owner)}"))
            conn.execute(text(
                "CREATE TABLE IF NOT EXISTS login_judges (login_role text NOT NULL,"
                " judge_id integer NOT NULL, PRIMARY KEY (login_role, judge_id))"))
            conn.execute(text(f"ALTER TABLE login_judges OWNER TO {_q(owner)}"))
            if not conn.execute(text("SELECT 1 FROM audit_secret")).first():
                conn.execute(text("INSERT INTO audit_secret VALUES (1, :s)"),
                             {"s": secrets.token_bytes(32)})
            # no parameters: psycopg sends the statements as they are (format()'s %I stays)
            conn.connection.driver_connection.execute(
                functions_sql(SCHEMA, p, _q(owner), {"app": f"{p}_app"}))
            _triggers(conn)
            _finalized_guard(conn)
            _drop_policies(conn)
            for statement in _grants(p) + _policies(p) + _login_judges(p):
                conn.execute(text(statement))
            conn.execute(text(f"ALTER DATABASE {_q(database)} SET search_path = {SCHEMA}"))
            conn.execute(text("UPDATE app_security SET mode = 'server', server_prefix = :p"),
                         {"p": p})
            # signing in is the PostgreSQL login now: a protected file's scrypt hashes
            # would only be there for staff logins to read and crack
            conn.execute(text("UPDATE people SET password_hash = NULL"
                              " WHERE password_hash IS NOT NULL"))
            if first is not None:
                _first_secretariat(conn, database, *first)
            conn.execute(text(
                f"SELECT {SCHEMA}.audit_append(NULL, 'server.init', 'database', :d, 'null',"
                " :n, 'null')"), {"d": database, "n": f'{{"prefix":"{p}","moved":{moved}}}'})
    finally:
        db.close()
    return InitReport(database, SCHEMA, p, moved)


def _first_secretariat(conn, database: str, login: str, name: str, password: str) -> None:
    role = login_role(database, login)
    p = prefix_for(database)
    if not conn.execute(text("SELECT 1 FROM people WHERE login = :l"), {"l": login}).first():
        pid = conn.execute(text(
            "INSERT INTO people (login, name, nip, disabled, created_at)"
            " VALUES (:l, :n, '', false, now()) RETURNING id"), {"l": login, "n": name}).scalar()
        conn.execute(text("INSERT INTO person_roles VALUES (:p, 'secretariat')"), {"p": pid})
    _ensure_role(conn, role, login=True)
    verifier = scram_verifier(password)  # base64 and "$:": nothing to escape
    conn.connection.driver_connection.execute(
        f"ALTER ROLE {_q(role)} LOGIN PASSWORD '{verifier}'")
    conn.execute(text(f"GRANT {_q(p + '_app')}, {_q(p + '_secretariat')} TO {_q(role)}"))


# ---- what the app calls on such a database (as a person's login) -----------------------

def append_event(s: Session, competition_id, action, entity, entity_key, old, new, state) -> None:
    s.execute(text(f"SELECT {SCHEMA}.audit_append(:c, :a, :e, :k, :o, :n, :s)"),
              {"c": competition_id, "a": action, "e": entity, "k": entity_key, "o": old,
               "n": new, "s": state})


def verify_chain(s: Session) -> list:
    from judging_app.core.messages import Message

    out = []
    for problem, event, action, events in s.execute(text(
            f"SELECT * FROM {SCHEMA}.audit_verify()")):
        if problem == "audit.head_mismatch":
            head = s.execute(text("SELECT count FROM audit_head")).scalar() or 0
            out.append(Message("audit.head_mismatch", events=events, head=head))
        elif problem == "audit.chain_broken":
            out.append(Message("audit.chain_broken", event=event, action=action))
        else:  # audit_verify() knows three problems (store/server_functions.py)
            out.append(Message("audit.event_changed", event=event, action=action))
    return out


def create_login(s: Session, login: str, password: str | None, roles) -> None:
    s.execute(text(f"SELECT {SCHEMA}.app_create_login(:l, :v, :r)"),
              {"l": login, "v": scram_verifier(password) if password else None,
               "r": [str(getattr(r, "value", r)) for r in roles]})


def set_login_password(s: Session, login: str, password: str) -> None:
    s.execute(text(f"SELECT {SCHEMA}.app_set_password(:l, :v)"),
              {"l": login, "v": scram_verifier(password)})


def set_login_enabled(s: Session, login: str, enabled: bool) -> None:
    s.execute(text(f"SELECT {SCHEMA}.app_set_login(:l, :e)"), {"l": login, "e": enabled})


def set_login_roles(s: Session, login: str, roles) -> None:
    s.execute(text(f"SELECT {SCHEMA}.app_set_roles(:l, :r)"),
              {"l": login, "r": [str(getattr(r, "value", r)) for r in roles]})


def whoami(s: Session) -> tuple | None:
    return s.execute(text(f"SELECT * FROM {SCHEMA}.app_whoami()")).first()


def roles_of_database(conn, database: str) -> list[str]:
    """Every cluster role this database's setup made (to drop them with the database)."""
    p = prefix_for(database)
    return list(conn.execute(text(
        "SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY rolname"),
        {"p": p.replace("_", r"\_") + r"\_%"}).scalars())
