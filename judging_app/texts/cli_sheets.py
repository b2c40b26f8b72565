"""What `judging-app sheets …` and `judging-app progress` print (cli/sheets.py)."""

TEXTS = {
    "cli_sheets.header_sheet": ("criterion|score|comment", "kriteria|nilai|catatan"),
    "cli_sheets.header_judges": ("judge|assigned|submitted|draft|not started|done|name",
                                 "juri|ditugaskan|terkirim|draf|belum dimulai|selesai|nama"),
    "cli_sheets.header_entries": ("entry|expected|submitted|draft",
                                  "inovasi|diharapkan|terkirim|draf"),
    "cli_sheets.none": (
        "{judge} has no sheet for {entry} in round {round} yet.",
        "{judge} belum memiliki lembar penilaian untuk {entry} pada tahap {round}.",
    ),
    "cli_sheets.sheet": (
        "Sheet of {judge} for {entry}, round {round}: {state} (version {version}).",
        "Lembar penilaian {judge} untuk {entry}, tahap {round}: {state} (versi {version}).",
    ),
    "cli_sheets.reopened_because": ("Reopened because: {reason}",
                                    "Dibuka kembali karena: {reason}"),
    "cli_sheets.overall": ("Overall comment: {comment}", "Catatan umum: {comment}"),
    "cli_sheets.submitted": ("The sheet of {judge} for {entry} is submitted and locked.",
                             "Lembar penilaian {judge} untuk {entry} terkirim dan dikunci."),
    "cli_sheets.reopened": (
        "The sheet of {judge} for {entry} is a draft again; it must be submitted again.",
        "Lembar penilaian {judge} untuk {entry} kembali menjadi draf; lembar itu harus "
        "dikirim lagi.",
    ),
    "cli_sheets.progress": (
        "Round {round}: {submitted:count} of {expected:count} sheets submitted ({percent}%), "
        "{draft:count} in draft, {missing:count} not started.",
        "Tahap {round}: {submitted:count} dari {expected:count} lembar penilaian terkirim "
        "({percent}%), {draft:count} draf, {missing:count} belum dimulai.",
    ),
    "cli_sheets.entries_missing": (
        "{count:count} {count:plural:entry still misses:entries still miss} sheets:",
        "{count:count} inovasi masih kekurangan lembar penilaian:",
    ),
    "cli_sheets.unassigned": (
        "{count:count} {count:plural:entry has:entries have} no judge yet: judging-app assign.",
        "{count:count} inovasi belum memiliki juri: judging-app assign.",
    ),
}
