"""Indonesian help of `judging-app programme …`: the register of units and innovations
across years, compliance, monitoring, history, catalogue (the English is in
cli/programme_commands.py; see texts/cli_help.py)."""

HELP = {
    "the yearly programme: register of units and innovations, compliance, monitoring, "
    "history, catalogue":
        "program tahunan: register perangkat daerah dan inovasi, kepatuhan, pemantauan, "
        "riwayat, katalog",
    "the register of government units": "register perangkat daerah",
    "import the city's list of government units (.xlsx, .xls, .ods, .csv; all or nothing)":
        "impor daftar perangkat daerah kota (.xlsx, .xls, .ods, .csv; semua atau tidak sama "
        "sekali)",
    "add, rename, merge or end one unit of the register":
        "tambah, ganti nama, gabungkan, atau akhiri satu perangkat daerah dalam register",
    "match a competition's units and entries to the register":
        "cocokkan perangkat daerah dan inovasi sebuah kompetisi dengan register",
    "uncertain matches and units not in the register":
        "kecocokan yang belum pasti dan perangkat daerah yang belum ada dalam register",
    "decide a match (a unit or an entry)":
        "putuskan sebuah kecocokan (perangkat daerah atau inovasi)",
    "innovations in the register": "inovasi dalam register",
    "register an innovation a unit reported (without an entry)":
        "daftarkan inovasi yang dilaporkan perangkat daerah (tanpa ikut kompetisi)",
    "monitoring: an innovation's status in a later year":
        "pemantauan: status sebuah inovasi pada tahun berikutnya",
    "a competition's level (city ones count for compliance)":
        "tingkat sebuah kompetisi (kompetisi kota dihitung untuk kepatuhan)",
    "every unit's innovations in a year; those with none first":
        "inovasi setiap perangkat daerah dalam setahun; yang tidak memilikinya lebih dahulu",
    "a unit's entries, awards and innovations' status over the years":
        "keikutsertaan, penghargaan, dan status inovasi sebuah perangkat daerah dari tahun "
        "ke tahun",
    "the public catalogue: an offline website and an Excel copy":
        "katalog publik: situs web luring dan salinan Excel",
    "build three years of a city's programme (demo data)":
        "buat program tiga tahun sebuah kota (data demo)",
    "machine-readable output": "keluaran untuk dibaca mesin",
    "the list: code, name, kind, established": "daftarnya: kode, nama, jenis, tanggal berdiri",
    "renames take effect on this day (default: today)":
        "perubahan nama berlaku pada tanggal ini (bawaan: hari ini)",
    "show what would change; write nothing": "tampilkan yang akan berubah; tidak menulis apa pun",
    "a new unit in the register": "perangkat daerah baru dalam register",
    "a new name from a date on": "nama baru mulai suatu tanggal",
    "merged into another unit on a date":
        "digabung ke perangkat daerah lain pada suatu tanggal",
    "dissolved on a date (no successor)": "dibubarkan pada suatu tanggal (tanpa penerus)",
    "the unit's stable code": "kode tetap perangkat daerah",
    "its name": "namanya",
    "dinas, badan, kecamatan, …": "dinas, badan, kecamatan, …, sebagai jenisnya",
    "since when it exists": "sejak kapan berdiri",
    "the unit's code": "kode perangkat daerah",
    "the new name": "nama barunya",
    "the day the new name takes effect": "tanggal nama baru berlaku",
    "a new kind too (dinas, badan, kecamatan, …)": "sekaligus jenis baru (dinas, badan, "
                                                   "kecamatan, …)",
    "the unit merged away": "perangkat daerah yang digabungkan",
    "its successor": "penerusnya",
    "the day of the merger": "tanggal penggabungan",
    "the day it ended": "tanggal berakhirnya",
    "the competition": "kompetisinya",
    "first give the competition the register's units it does not have":
        "tambahkan dahulu ke kompetisi perangkat daerah register yang belum dimilikinya",
    "only this competition's": "hanya milik kompetisi ini",
    "the competition's unit to decide": "perangkat daerah kompetisi yang diputuskan",
    "the entry to decide": "inovasi peserta yang diputuskan",
    "a register unit, or an innovation": "perangkat daerah register, atau sebuah inovasi",
    "a unit: drop the proposed match": "perangkat daerah: buang kecocokan yang diusulkan",
    "a unit: add it to the register (with --code, another code)":
        "perangkat daerah: tambahkan ke register (dengan --code, kode lain)",
    "an entry: a new innovation of its own": "peserta: inovasi baru tersendiri",
    "with --register: the register code": "bersama --register: kode dalam register",
    "an entry develops the innovation (default: continues it)":
        "peserta mengembangkan inovasi itu (bawaan: melanjutkannya)",
    "only this unit's": "hanya milik perangkat daerah ini",
    "only those of this year": "hanya yang dari tahun ini",
    "the register unit": "perangkat daerah dalam register",
    "the year it was built": "tahun inovasi dibuat",
    "a short description (for the catalogue)": "uraian singkat (untuk katalog)",
    "the innovation": "inovasinya",
    "the year observed": "tahun pengamatan",
    "still running that year": "masih berjalan pada tahun itu",
    "stopped that year": "berhenti pada tahun itu",
    "remove that year's finding": "hapus temuan tahun itu",
    "register units that replicated it that year":
        "perangkat daerah register yang mereplikasinya pada tahun itu",
    "what was observed": "hasil pengamatan",
    "set it (default: show it)": "tetapkan (bawaan: tampilkan)",
    "the year": "tahunnya",
    "also write it as Excel or PDF": "tulis juga sebagai Excel atau PDF",
    "where the site is written": "folder tempat situs ditulis",
    "only this year's innovations (default: all)":
        "hanya inovasi tahun ini (bawaan: semuanya)",
    "include innovators' names and contacts (personal data)":
        "sertakan nama dan kontak inovator (data pribadi)",
    "the same seed makes the same programme": "benih acak yang sama menghasilkan program "
                                              "yang sama",
    "government units (12–150)": "jumlah perangkat daerah (12–150)",
    "the first of the three years": "tahun pertama dari ketiga tahun itu",
}
