"""The schema revision this version of the app writes. Kept free of Alembic imports so that
opening an up-to-date database costs no migration machinery (tests check it is the head)."""

SCHEMA_HEAD = "0006"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
