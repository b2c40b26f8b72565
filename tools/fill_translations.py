"""Fill unfinished Indonesian translations from a tab-separated file of
`English source<TAB>Bahasa Indonesia` lines (sources as they appear in the code, with & for
mnemonics), then run update_translations.py to compile. Prints sources still missing.

    python tools/fill_translations.py tools/translations_id.tsv
    python tools/fill_translations.py            # every table: tools/translations/*.tsv
                                                 # and tools/translations_id.tsv

After a merge that conflicts in resources/translations/judging_app_id.ts: take one side's
file, run tools/update_translations.py (lupdate adds the other side's texts as unfinished),
then this script with no arguments, then update_translations.py again to compile.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "judging_app_id.ts"


def main(argv: list[str]) -> int:
    table: dict[str, str] = {}
    here = Path(__file__).resolve().parent
    files = [Path(a) for a in argv] or [*sorted((here / "translations").glob("*.tsv")),
                                        here / "translations_id.tsv"]
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if line.strip() and not line.startswith("#"):
            source, _, target = line.partition("\t")
            # a literal \n in the file stands for a line break in the text
            table[source.replace("\\n", "\n")] = target.replace("\\n", "\n")
    text = TS.read_text(encoding="utf-8")
    missing: list[str] = []

    def fill(match: re.Match[str]) -> str:
        source = html.unescape(match.group(1))
        if source in table:
            target = html.escape(table[source], quote=False)
            return f"<source>{match.group(1)}</source>{match.group(2)}<translation>{target}</translation>"
        missing.append(source)
        return match.group(0)

    text = re.sub(r'<source>([^<]*)</source>(\s*)<translation type="unfinished">[^<]*</translation>',
                  fill, text)
    TS.write_text(text, encoding="utf-8")
    for source in missing:
        print(f"missing: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
