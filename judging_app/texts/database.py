"""Opening a database file or server (store/database.py) and keeping it
(services/maintenance.py, the CLI's read-only path)."""

TEXTS = {
    "database.is_folder": (
        "{path} is a folder, not a database file.",
        "{path} adalah folder, bukan berkas basis data.",
    ),
    "database.not_sqlite": (
        "{path} is not a judging_app database (it is not an SQLite file). Choose the .sqlite "
        "file the app created, or a new file name.",
        "{path} bukan basis data judging_app (bukan berkas SQLite). Pilih berkas .sqlite yang "
        "dibuat oleh aplikasi ini, atau nama berkas baru.",
    ),
    "database.damaged": (
        "{path} is damaged ({detail}). Restore it from a backup; the file was not changed.",
        "{path} rusak ({detail}). Pulihkan dari cadangan; berkas tersebut tidak diubah.",
    ),
    "database.foreign_sqlite": (
        "{path} is an SQLite database but not a judging_app database (it has no schema "
        "version). It was not changed.",
        "{path} adalah basis data SQLite tetapi bukan basis data judging_app (tidak memiliki "
        "versi skema). Berkas tersebut tidak diubah.",
    ),
    # SQLite's findings (store/sqlite_errors.py), the detail of the two below
    "database.sqlite.not_a_database": (
        "the file is not a database, or it is encrypted",
        "berkas ini bukan basis data, atau terenkripsi",
    ),
    "database.sqlite.malformed": (
        "the database file is damaged; restore it from a backup",
        "berkas basis data rusak; pulihkan dari cadangan",
    ),
    "database.sqlite.cannot_open": ("the file cannot be opened", "berkas tidak dapat dibuka"),
    "database.sqlite.disk": (
        "the disk could not be read or written",
        "disk tidak dapat dibaca atau ditulisi",
    ),
    "database.sqlite.full": ("the disk is full", "disk penuh"),
    "database.sqlite.read_only": (
        "the file or its folder is read-only",
        "berkas atau foldernya hanya dapat dibaca",
    ),
    "database.sqlite.locked": (
        "another program is writing to it",
        "program lain sedang menulis ke berkas ini",
    ),
    "database.sqlite.other": ("SQLite reports: {detail}", "laporan SQLite: {detail}"),
    "database.unreadable": (
        "{path} cannot be read as a database ({detail}). It was not changed.",
        "{path} tidak dapat dibaca sebagai basis data ({detail}). Berkas tersebut tidak diubah.",
    ),
    "database.newer": (
        "{where} was made by a newer version of judging_app (schema {revision}; this version "
        "knows up to {head}). Install the newer version to open it. The database was not "
        "changed.",
        "{where} dibuat oleh versi judging_app yang lebih baru (skema {revision}; versi ini "
        "mengenal sampai {head}). Pasang versi yang lebih baru untuk membukanya. Basis data "
        "tidak diubah.",
    ),
    "database.foreign_server": (
        "The server database already holds tables that are not judging_app's ({tables}…). Use "
        "an empty database.",
        "Basis data server sudah berisi tabel yang bukan milik judging_app ({tables}…). Gunakan "
        "basis data yang kosong.",
    ),
    "database.migration_broke_references": (
        "The upgrade left broken references ({detail}); the database was not changed.",
        "Pembaruan skema meninggalkan rujukan yang rusak ({detail}); basis data tidak diubah.",
    ),
    "database.missing": ("{path} does not exist.", "{path} tidak ada."),
    "database.cannot_connect": (
        "Cannot connect to {url}: {detail}",
        "Tidak dapat terhubung ke {url}: {detail}",
    ),
    "database.busy": (
        "{where} is busy: another program holds it locked. Try again in a moment.",
        "{where} sedang sibuk: program lain menguncinya. Coba lagi sebentar lagi.",
    ),
    "database.unreadable_check": (
        "{where} cannot be read ({detail}). It was not changed; 'judging-app db upgrade' "
        "checks the whole file.",
        "{where} tidak dapat dibaca ({detail}). Berkas tersebut tidak diubah; "
        "'judging-app db upgrade' memeriksa seluruh berkas.",
    ),
    "database.default_name": ("The database", "Basis data"),
    "database.backup_exists": (
        "{path} already exists; choose a new file name.",
        "{path} sudah ada; pilih nama berkas baru.",
    ),
    "database.backup_onto_itself": (
        "The backup cannot overwrite the database itself.",
        "Cadangan tidak boleh menimpa basis data itu sendiri.",
    ),
    "database.totals_missing": (
        "{table}: missing or wrong, should be {row}",
        "{table}: hilang atau salah, seharusnya {row}",
    ),
    "database.totals_stale": ("{table}: stale row {row}", "{table}: baris usang {row}"),
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
    "db_conn.password": (
        "the server refused the login {name}: wrong password, or no such login; check both",
        "server menolak login {name}: kata sandi salah, atau login itu tidak ada; periksa "
        "keduanya",
    ),
    "db_conn.no_database": (
        "the server has no database named {name}; check the name in the address",
        "server tidak memiliki basis data bernama {name}; periksa nama di alamatnya",
    ),
    "db_conn.no_login": (
        "the server has no login {name}; ask the secretariat to register you",
        "server tidak memiliki login {name}; minta sekretariat mendaftarkan Anda",
    ),
    "db_conn.not_allowed": (
        "the server does not accept connections from this computer ({name}); ask the "
        "server's administrator to allow it (pg_hba.conf)",
        "server tidak menerima sambungan dari komputer ini ({name}); minta administrator "
        "server mengizinkannya (pg_hba.conf)",
    ),
    "db_conn.unknown_host": (
        "no computer named {name} was found on the network; check the server's name",
        "komputer bernama {name} tidak ditemukan di jaringan; periksa nama servernya",
    ),
    "db_conn.refused": (
        "no database server answers at that address: it is not running, or listens on "
        "another port",
        "tidak ada server basis data yang menjawab di alamat itu: server tidak berjalan, "
        "atau mendengarkan di port lain",
    ),
    "db_conn.timeout": (
        "the server did not answer in time; check the network",
        "server tidak menjawab tepat waktu; periksa jaringan",
    ),
    "db_conn.no_ssl": (
        "the server does not offer an encrypted connection (SSL), which the address "
        "requires",
        "server tidak menyediakan sambungan terenkripsi (SSL), yang diminta oleh alamatnya",
    ),
    "db_conn.too_many": (
        "the server has too many connections open; try again in a moment",
        "server sedang membuka terlalu banyak sambungan; coba lagi sebentar lagi",
    ),
    "db_conn.not_ready": (
        "the server is starting or stopping; try again in a moment",
        "server sedang dinyalakan atau dimatikan; coba lagi sebentar lagi",
    ),
}
