"""What `judging-app entries …` and `judging-app units …` print (cli/entries.py,
cli/units.py)."""

TEXTS = {
    "cli_entries.head.code": ("code", "kode"),
    "cli_entries.head.title": ("title", "judul"),
    "cli_entries.head.unit": ("unit", "perangkat daerah"),
    "cli_entries.head.category": ("category", "kategori"),
    "cli_entries.head.status": ("status", "status inovasi"),
    "cli_entries.head.innovators": ("innovators", "inovator"),
    "cli_entries.head.contact": ("contact", "kontak"),
    "cli_entries.head.stage": ("stage", "tahapan"),
    "cli_entries.head.type": ("type", "jenis"),
    "cli_entries.head.started": ("started", "mulai diterapkan"),
    "cli_entries.head.summary": ("summary", "ringkasan"),
    "cli_entries.head.links": ("links", "tautan"),
    "cli_entries.head.name": ("name", "nama"),
    "cli_entries.head.kind": ("kind", "jenis"),
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
