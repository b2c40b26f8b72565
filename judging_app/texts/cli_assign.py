"""What `judging-app assign …` prints (cli/assign.py)."""

TEXTS = {
    "cli_assign.header_preview": ("judge|now|added|after", "juri|saat ini|tambahan|sesudahnya"),
    "cli_assign.header_loads": ("judge|entries to score", "juri|inovasi yang dinilai"),
    "cli_assign.header_entries": ("entry|unit|judges", "inovasi|perangkat daerah|juri"),
    "cli_assign.header_judges": ("judge|entries to score|sheets started",
                                 "juri|inovasi yang dinilai|lembar dimulai"),
    "cli_assign.needs_competition": (
        "Say which competition: {option} CODE (see: {command}).",
        "Sebutkan kompetisinya: {option} KODE (lihat: {command}).",
    ),
    "cli_assign.what": (
        "Say what to do: {auto} (add --preview to look first), or add, remove, list.",
        "Sebutkan yang dilakukan: {auto} (tambahkan --preview untuk melihat dahulu), atau "
        "add, remove, list.",
    ),
    "cli_assign.would_add": (
        "Round {round}: {count:count} new {count:plural:assignment:assignments} would give "
        "every entry {k} judges.",
        "Tahap {round}: {count:count} penugasan baru akan memberi setiap inovasi {k} juri.",
    ),
    "cli_assign.added": (
        "Round {round}: {count:count} new {count:plural:assignment:assignments}; every entry "
        "has {k} judges where the panel allows it.",
        "Tahap {round}: {count:count} penugasan baru; setiap inovasi mendapat {k} juri sejauh "
        "jumlah juri memungkinkan.",
    ),
    "cli_assign.warning": ("warning: {warning}", "peringatan: {warning}"),
    "cli_assign.nothing_written": ("Nothing was written (--preview).",
                                   "Belum ada yang disimpan (--preview)."),
    "cli_assign.assigned": (
        "{judge} assigned to {count:count} more {count:plural:entry:entries} in round {round}.",
        "{judge} ditugaskan menilai {count:count} inovasi lagi pada tahap {round}.",
    ),
    "cli_assign.removed": (
        "{count:count} {count:plural:assignment:assignments} of {judge} removed in round "
        "{round}.",
        "{count:count} penugasan {judge} dihapus pada tahap {round}.",
    ),
    "cli_assign.summary": (
        "Round {round}: {count:count} {count:plural:assignment:assignments} for "
        "{entries:count} {entries:plural:entry:entries}.",
        "Tahap {round}: {count:count} penugasan untuk {entries:count} inovasi.",
    ),
}
