"""A server that refuses the connection is explained in the user's language: libpq's own
English ("password authentication failed for user …", "Connection refused", "database … does
not exist") reached an Indonesian user word for word (hostile review 17h)."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy.engine import make_url

from judging_app.store.database import DatabaseOpenError, open_database
from judging_app.store.db_errors import connection_problem

LIBPQ = [
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  '
     'password authentication failed for user "ja_lomba_u_juri1"', "db_conn.password",
     "ja_lomba_u_juri1"),
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  '
     'database "lomba" does not exist', "db_conn.no_database", "lomba"),
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  '
     'role "siti" does not exist', "db_conn.no_login", "siti"),
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: Connection '
     'refused\n\tIs the server running on that host and accepting TCP/IP connections?',
     "db_conn.refused", None),
    ("failed to resolve host 'pc-sekretariat': [Errno -2] Name or service not known",
     "db_conn.unknown_host", "pc-sekretariat"),
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: timeout '
     "expired", "db_conn.timeout", None),
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  no '
     'pg_hba.conf entry for host "10.0.0.9", user "siti", database "lomba", no encryption',
     "db_conn.not_allowed", "10.0.0.9"),
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: server does '
     "not support SSL, but SSL was required", "db_conn.no_ssl", None),
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  '
     "sorry, too many clients already", "db_conn.too_many", None),
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  '
     "the database system is starting up", "db_conn.not_ready", None),
]


@pytest.mark.parametrize(("detail", "code", "named"), LIBPQ)
def test_libpq_failures_are_worded_in_both_languages(detail, code, named):
    problem = connection_problem(detail)
    assert problem.code == code
    indonesian = problem.render("id")
    for english in ("failed", "refused", "does not exist", "expired", "entry for host",
                    "too many", "starting up", "not support"):
        assert english not in indonesian, indonesian
    if named:
        assert named in indonesian and named in problem.render("en")


def test_an_unknown_failure_keeps_its_words_as_a_technical_detail():
    problem = connection_problem("connection failed: something new")
    assert problem.code == "file_detail.technical"
    assert "something new" in problem.render("id") and "rincian teknis" in problem.render("id")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_server_that_is_not_running_is_said_in_indonesian():
    url = f"postgresql+psycopg://siti:rahasia@127.0.0.1:{_closed_port()}/lomba"
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(url)
    text = caught.value.render("id")
    assert "Connection refused" not in text and "failed" not in text, text
    assert "rahasia" not in text and "127.0.0.1" in text


def test_a_wrong_password_is_said_in_indonesian(pg_url):
    url = make_url(pg_url).set(password="not-the-password").render_as_string(
        hide_password=False)
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(url)
    text = caught.value.render("id")
    assert "password authentication" not in text, text
    assert "kata sandi" in text and "not-the-password" not in text
