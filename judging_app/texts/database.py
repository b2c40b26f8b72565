"""Opening and writing the database: what can go wrong outside the app's own rules."""

TEXTS = {
    "db.busy": (
        "The database is busy (others were saving the same data at the same moment, every "
        "time this was tried); nothing was written. Try again in a moment.",
        "Basis data sedang sibuk (orang lain menyimpan data yang sama pada saat yang sama, "
        "setiap kali dicoba); tidak ada yang ditulis. Coba lagi sebentar lagi.",
    ),
    "db.no_driver": (
        "This installation cannot reach a PostgreSQL server: the database driver (psycopg) "
        "is not installed. Install it with: pip install \"{package}\"",
        "Instalasi ini tidak dapat menjangkau server PostgreSQL: driver basis data (psycopg) "
        "belum terpasang. Pasang dengan: pip install \"{package}\"",
    ),
    "db.bad_url": (
        "This is not a database the app can use ({detail}). Give a file path, or a server "
        "URL such as postgresql+psycopg://user@host/dbname.",
        "Ini bukan basis data yang dapat dipakai aplikasi ({detail}). Berikan jalur berkas, "
        "atau URL server seperti postgresql+psycopg://user@host/dbname.",
    ),
    "db.no_file": (
        "{path} does not exist; check the path (nothing was created).",
        "{path} tidak ada; periksa jalurnya (tidak ada yang dibuat).",
    ),
    "db.cannot_connect": (
        "Cannot connect to {url}: {detail}",
        "Tidak dapat terhubung ke {url}: {detail}",
    ),
    "db.cannot_prepare": (
        "Cannot set up the app's tables in {url}: {problem}",
        "Tidak dapat menyiapkan tabel aplikasi di {url}: {problem}",
    ),
    "db.privilege": (
        "the server role {role} lacks the {privilege} privilege on {kind} {name} ({detail}); "
        "ask the server's administrator to grant it (GRANT {privilege} ON {kind} {name} TO "
        "{role}), or use a role that has it",
        "peran server {role} tidak memiliki hak {privilege} pada {kind} {name} ({detail}); "
        "minta administrator server memberikannya (GRANT {privilege} ON {kind} {name} TO "
        "{role}), atau pakai peran yang memilikinya",
    ),
    "db.privilege_unknown": (
        "the server role {role} lacks a privilege this needs ({detail}); ask the server's "
        "administrator",
        "peran server {role} tidak memiliki hak yang diperlukan ({detail}); tanyakan kepada "
        "administrator server",
    ),
    "db.connection": (
        "The connection to the database server failed ({detail}); nothing more was written. "
        "Check the network and try again.",
        "Sambungan ke server basis data gagal ({detail}); tidak ada lagi yang ditulis. "
        "Periksa jaringan dan coba lagi.",
    ),
    "db.read_only": (
        "The database file cannot be written (it or its folder is read-only); nothing was "
        "written.",
        "Berkas basis data tidak dapat ditulisi (berkas atau foldernya hanya-baca); tidak ada "
        "yang ditulis.",
    ),
    "db.disk_full": (
        "The disk is full; nothing was written. Free some space and try again.",
        "Disk penuh; tidak ada yang ditulis. Kosongkan sebagian ruang lalu coba lagi.",
    ),
    "db.cannot_open_file": (
        "The database file cannot be opened (its folder is missing or not accessible).",
        "Berkas basis data tidak dapat dibuka (foldernya tidak ada atau tidak dapat diakses).",
    ),
    "db.damaged": (
        "The database is damaged ({detail}); restore it from a backup.",
        "Basis data rusak ({detail}); pulihkan dari cadangan.",
    ),
}
