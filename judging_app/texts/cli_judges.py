"""What `judging-app judges …` and `judging-app conflicts …` print (cli/judges.py,
cli/conflicts.py)."""

TEXTS = {
    "cli_judges.header": ("code|name|affiliation|unit|role|state|conflicts of interest",
                          "kode|nama|instansi|perangkat daerah|peran|keadaan|konflik "
                          "kepentingan"),
    "cli_judges.header_import": ("code|name|unit|role", "kode|nama|perangkat daerah|peran"),
    "cli_judges.active": ("active", "aktif"),
    "cli_judges.inactive": ("inactive", "nonaktif"),
    "cli_judges.none": ("No judges in {competition} yet. Add them: {command}.",
                        "Belum ada juri di {competition}. Tambahkan: {command}."),
    "cli_judges.added": ("Judge {code} added: {name}.", "Juri {code} ditambahkan: {name}."),
    "cli_judges.conflicts": (
        "{judge} has {count:count} {count:plural:conflict:conflicts} of interest (entries of "
        "the judge's own unit); {judge} will never be assigned to them.",
        "{judge} memiliki {count:count} konflik kepentingan (inovasi dari perangkat daerahnya "
        "sendiri); {judge} tidak akan ditugaskan menilainya.",
    ),
    "cli_judges.changed": ("Judge {code} changed.", "Data juri {code} diubah."),
    "cli_judges.disabled": (
        "Judge {code} is inactive: no new assignments; sheets already started are kept.",
        "Juri {code} dinonaktifkan: tidak mendapat penugasan baru; lembar penilaian yang sudah "
        "dimulai tetap disimpan.",
    ),
    "cli_judges.enabled": ("Judge {code} is active again.", "Juri {code} aktif kembali."),
    "cli_judges.assignments_removed": (
        "{count:count} {count:plural:assignment:assignments} not started yet removed (round/"
        "entry): {keys}. Assign the entries to another judge.",
        "{count:count} penugasan yang belum dimulai dihapus (tahap/inovasi): {keys}. Tugaskan "
        "inovasi tersebut kepada juri lain.",
    ),
    "cli_judges.would_import": (
        "{source}: {count:count} {count:plural:judge:judges} would be added; nothing was "
        "written (--dry-run).",
        "{source}: {count:count} juri akan ditambahkan; belum ada yang disimpan (--dry-run).",
    ),
    "cli_judges.imported": (
        "{source}: {count:count} {count:plural:judge:judges} added.",
        "{source}: {count:count} juri ditambahkan.",
    ),
}
