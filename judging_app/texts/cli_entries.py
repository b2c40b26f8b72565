"""What `judging-app entries …` and `judging-app units …` print (cli/entries.py,
cli/units.py)."""

TEXTS = {
    "cli_entries.header": ("code|unit|category|status|title|reason",
                           "kode|perangkat daerah|kategori|status inovasi|judul|alasan"),
    "cli_entries.labels": (
        "code|title|unit|category|status|innovators|contact|stage|type|started|summary|links",
        "kode|judul|perangkat daerah|kategori|status inovasi|inovator|kontak|tahapan|jenis|"
        "mulai diterapkan|ringkasan|tautan"),
    "cli_units.header": ("code|kind|name", "kode|jenis|nama"),
    "cli_entries.status_reason": ("{status} ({reason})", "{status} ({reason})"),
    "cli_entries.none": ("No entries found in {competition}. Register them: {command}.",
                         "Tidak ada inovasi di {competition}. Daftarkan: {command}."),
    "cli_entries.count": ("{count:count} {count:plural:entry:entries}.",
                          "{count:count} inovasi."),
    "cli_entries.added": ("Entry {code} registered: {title}.",
                          "Inovasi {code} didaftarkan: {title}."),
    "cli_entries.changed": ("Entry {code} changed.", "Data inovasi {code} diubah."),
    "cli_entries.screened": (
        "{count:count} {count:plural:entry:entries} marked {status}.",
        "{count:count} inovasi ditandai {status}.",
    ),
    "cli_entries.screened_some": (
        "{count:count} of {total:count} entries marked {status}; the others already were.",
        "{count:count} dari {total:count} inovasi ditandai {status}; sisanya sudah berstatus "
        "itu.",
    ),
    "cli_units.none": (
        "No government units in {competition} yet. Add one: judging-app units add.",
        "Belum ada perangkat daerah di {competition}. Tambahkan: judging-app units add.",
    ),
    "cli_units.added": ("Unit {code} added: {name}.", "Perangkat daerah {code} ditambahkan: "
                        "{name}."),
    "cli_units.renamed": ("Unit {code} is now called {name}.",
                          "Nama perangkat daerah {code} kini {name}."),
}
