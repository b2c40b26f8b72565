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
}
