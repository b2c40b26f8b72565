"""Assigning judges to entries (services/assignments.py)."""

TEXTS = {
    "assignments.panel_too_small": (
        "The panel is too small: each entry needs {count:count} {count:plural:judge:judges}.",
        "Dewan juri terlalu kecil: setiap inovasi memerlukan {count:count} juri.",
    ),
    "assignments.short_entries": (
        "{short:count} {short:plural:entry:entries} cannot get {count:count} non-conflicted "
        "{count:plural:judge:judges}: {codes}",
        "{short:count} inovasi tidak dapat memperoleh {count:count} juri tanpa konflik "
        "kepentingan: {codes}",
    ),
    "assignments.uneven_loads": (
        "Judges' loads differ by more than one (conflicts or earlier assignments).",
        "Beban juri berselisih lebih dari satu (karena konflik kepentingan atau penugasan "
        "sebelumnya).",
    ),
    "assignments.at_least_one_judge": (
        "Each entry needs at least one judge.",
        "Setiap inovasi memerlukan paling sedikit satu juri.",
    ),
    "assignments.judge_inactive": (
        "Judge {judge} is inactive.",
        "Juri {judge} tidak aktif.",
    ),
    "assignments.entry_not_eligible": (
        "Entry {entry} is {status}, not eligible; it is not assigned.",
        "Inovasi {entry} berstatus {status}, bukan memenuhi syarat; inovasi ini tidak "
        "ditugaskan.",
    ),
    "assignments.conflicted": (
        "Judge {judge} has a conflict of interest with {entry}.",
        "Juri {judge} memiliki konflik kepentingan dengan {entry}.",
    ),
    "assignments.already_scoring": (
        "Judge {judge} has already started scoring {entry}.",
        "Juri {judge} sudah mulai menilai {entry}.",
    ),
}
