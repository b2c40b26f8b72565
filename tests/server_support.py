"""A database locked down by `judging-app server init` on the test server, with its
cluster roles dropped afterwards (other test runs share the server)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from judging_app.services import people
from judging_app.services.workspace import Workspace
from judging_app.store import server_sql
from judging_app.store.database import Database, open_database

PG_URL = os.environ.get("JUDGING_APP_TEST_PG_URL", "")
PASSWORD = "rahasia-server-123"


@dataclass
class Server:
    url: str  # the administrator's URL of the database
    name: str

    def login_url(self, login: str, password: str = PASSWORD) -> str:
        return make_url(self.url).set(
            username=server_sql.login_role(self.name, login), password=password,
        ).render_as_string(hide_password=False)

    def open_as(self, login: str) -> Database:
        return open_database(self.login_url(login))

    def ws(self, db: Database) -> Workspace:
        return Workspace(db, people.server_principal(db))

    def psycopg(self, login: str):
        """A plain driver connection as the person's login (not through the app)."""
        import psycopg

        url = make_url(self.login_url(login))
        return psycopg.connect(host=url.host, port=url.port or 5432, dbname=url.database,
                               user=url.username, password=url.password, autocommit=True)


def _drop(admin, name: str) -> None:
    from conftest import _drop_database

    _drop_database(admin, name)
    with admin.connect() as conn:
        for role in server_sql.roles_of_database(conn, name):
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


@pytest.fixture
def new_server_db(request) -> Iterator[Server]:
    """A new database at the current schema, not yet locked down (a copy of the migrated
    template, tests/db_templates.py; empty under @pytest.mark.migrates, as a server's
    first `server init` finds it); after the test it is dropped with every role made for it."""
    if not PG_URL:
        pytest.skip("no PostgreSQL server configured (set JUDGING_APP_TEST_PG_URL)")
    name = f"jt_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    if request.node.get_closest_marker("migrates"):
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    else:
        request.getfixturevalue("_pg_template").copy(name)
    try:
        yield Server(make_url(PG_URL).set(database=name).render_as_string(hide_password=False),
                     name)
    finally:
        _drop(admin, name)
        admin.dispose()
