"""What `judging-app sheets …` and `judging-app progress` print (cli/sheets.py)."""

TEXTS = {
    "cli_sheets.head.judge": ("judge", "juri"),
    "cli_sheets.head.name": ("name", "nama"),
    "cli_sheets.head.assigned": ("assigned", "ditugaskan"),
    "cli_sheets.head.submitted": ("submitted", "terkirim"),
    "cli_sheets.head.draft": ("draft", "draf"),
    "cli_sheets.head.not_started": ("not started", "belum dimulai"),
    "cli_sheets.head.percent": ("done", "selesai"),
    "cli_sheets.head.entry": ("entry", "inovasi"),
    "cli_sheets.head.expected": ("expected", "diharapkan"),
    "cli_sheets.head.criterion": ("criterion", "kriteria"),
    "cli_sheets.head.score": ("score", "nilai"),
    "cli_sheets.head.comment": ("comment", "catatan"),
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
