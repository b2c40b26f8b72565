"""Is there English in a text that should be Indonesian?

A rendered Indonesian message may hold codes, names, numbers, file names and a few terms
both languages use (ICC, SHA-256, SQLite, median, digital, the `judging-app` commands), but
never an English function word (English sentences cannot be written without them,
Indonesian never uses them) nor one of the English words this app's texts are made of
(entry, judge, round, sheet, …). Data (paths, user-typed names) is removed first by the
caller (`ignore`).
"""

from __future__ import annotations

import re

FUNCTION_WORDS = frozenset(w for w in ["a", "an", "the", "this", "that", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being", "am", "and", "or", "but", "nor", "not", "no", "yet", "so", "than", "then", "there", "here", "of", "to", "in", "on", "at", "by", "for", "from", "with", "without", "into", "onto", "over", "under", "about", "after", "before", "has", "have", "had", "do", "does", "did", "done", "can", "cannot", "could", "should", "would", "will", "shall", "must", "may", "might", "needs", "need", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "all", "any", "each", "every", "some", "none", "only", "already", "still", "also", "more", "most", "less", "very", "you", "your", "we", "our", "they", "their", "he", "she", "his", "her", "please"])

APP_WORDS = frozenset(w for w in ["entry", "entries", "judge", "judges", "round", "rounds", "sheet", "sheets", "score", "scores", "scored", "rank", "ranked", "award", "awards", "code", "codes", "title", "flags", "category", "categories", "competition", "competitions", "criterion", "criteria", "weight", "weights", "scale", "step", "threshold", "chair", "secretariat", "mean", "spread", "severity", "agreement", "method", "tie", "ties", "incomplete", "undecided", "eligible", "submitted", "draft", "drafts", "locked", "reopen", "reason", "file", "files", "wrote", "written", "imported", "created", "error", "warning", "note", "problem", "problems", "database", "backup", "schema", "seed", "number", "page", "pages", "row", "rows", "column", "workbook", "workbooks", "package", "packages", "return", "digest", "trail", "event", "events", "nothing", "missing", "wrong", "stale", "finalized", "registration", "judging", "withdrawn", "disqualified"])

ENGLISH_WORDS = FUNCTION_WORDS | APP_WORDS

# Names both languages write alike: commands, the app's name, a hidden sheet's name.
TERMS = ("judging-app decide-tie", "judging-app db upgrade", "judging-app demo",
         "judging-app", "judging_app", "_identitas", "--as",
         # the trust commands, their options and variables, the server's role names
         "people add --role secretariat", "reopen approve", "--judge",
         "JUDGING_APP_PASSWORD", "JUDGING_APP_KEYS_PASSPHRASE",
         "_secretariat", "_chair", "_judge", "_observer")

# SQL a message quotes for an administrator to type (GRANT … ON … TO …), in capitals.
SQL = frozenset({"GRANT", "ON", "TO", "ALL", "IN", "SCHEMA", "TABLE"})

WORD = re.compile(r"[A-Za-z]+")


def english_words(text: str, ignore: tuple[str, ...] = ()) -> list[str]:
    """The English words in `text` (after removing each string of `ignore` and TERMS)."""
    for data in sorted((*ignore, *TERMS), key=len, reverse=True):
        if data:
            text = text.replace(data, " ")
    return [w for w in WORD.findall(text) if w.lower() in ENGLISH_WORDS and w not in SQL]


def neutral(value):
    """`value` with text data replaced by a code-like token (X1): what is left is ours."""
    from enum import Enum

    from judging_app.core.messages import Message

    if isinstance(value, Message):
        return Message(value.code, **{k: neutral(v) for k, v in value.params.items()})
    if isinstance(value, BaseException):
        inner = getattr(value, "message", None)
        return neutral(inner) if isinstance(inner, Message) else "X1"
    if isinstance(value, list | tuple | set | frozenset):
        return [neutral(v) for v in value]
    if isinstance(value, str) and not isinstance(value, Enum):
        return "X1"
    return value


def sweep_problems(rendered) -> list[str]:
    """For each Message (or error carrying one) of `rendered` whose code the catalogue
    knows: its Indonesian rendering with text data left out, when that holds English."""
    from judging_app.core.messages import Message
    from judging_app.texts import INDONESIAN, catalogue, render

    out, done = [], set()
    for message in rendered:
        if not isinstance(message, Message) or message.code not in catalogue():
            continue
        shown = render(neutral(message), INDONESIAN)
        if shown in done:
            continue
        done.add(shown)
        found = english_words(shown)
        if found:
            out.append(f"{message.code}: {shown!r} has {found}")
    return out
