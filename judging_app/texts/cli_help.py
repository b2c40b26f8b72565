"""The command line's help in Indonesian: `judging-app --lang id … --help`, its usage lines
and argparse's own errors.

The help texts are written once, in English, where each option is added (judging_app/cli);
here each English text has its Indonesian beside it, looked up by the English text when the
help is shown (cli/parsing.py `translated`). tests/test_cli_help_indonesian.py fails when a
help text has no Indonesian, when an Indonesian text is no longer used, and when the
Indonesian help of any command holds English. Command names, option names and the values an
option accepts (`--status eligible`) stay as they are typed.

Parts: argparse's own strings and the placeholders (FILE, CODE) here, with the global
options and the commands without actions; the commands of each area in cli_help_*.py.
"""

from judging_app.texts import (
    cli_help_judging,
    cli_help_programme,
    cli_help_security,
    cli_help_setup,
)

# argparse's own strings (its gettext msgids), as Python 3.11–3.14 write them.
ARGPARSE = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan nomor versi program lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: peringatan: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "ambiguous option: %(option)s could match %(matches)s":
        "opsi ambigu: %(option)s dapat berarti %(matches)s",
    "expected one argument": "memerlukan satu nilai",
    "expected at most one argument": "menerima paling banyak satu nilai",
    "expected at least one argument": "memerlukan sedikitnya satu nilai",
    "expected %s argument": "memerlukan %s nilai",
    "expected %s arguments": "memerlukan %s nilai",
    "ignored explicit argument %r": "nilai %r diabaikan: opsi ini tidak menerima nilai",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "pilihan tidak sah: %(value)r (pilih salah satu: %(choices)s)",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "pilihan tidak sah: %(value)r, mungkin maksudnya %(closest)r? (pilih salah satu: "
        "%(choices)s)",
    "not allowed with argument %s": "tidak boleh digabung dengan argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diberikan",
    "the following arguments are required: %s": "argumen berikut wajib diberikan: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
    # ours (cli/parsing.py HelpFormatter), after an option's help
    " (default: %(default)s)": " (bawaan: %(default)s)",
}

# What the usage lines show for a value (metavar, else the option's name in capitals).
PLACEHOLDERS = {
    "ACTION": "TINDAKAN",
    "AFFILIATION": "INSTANSI",
    "CODE": "KODE",
    "COMMAND": "PERINTAH",
    "COMPETITION/JUDGE": "KOMPETISI/JURI",
    "CONTACT": "KONTAK",
    "DOCUMENT": "DOKUMEN",
    "EMAIL": "SUREL",
    "EXPLANATION": "PENJELASAN",
    "FILE": "BERKAS",
    "FILE.csv": "BERKAS.csv",
    "FILE.jpkg": "BERKAS.jpkg",
    "FILE.json": "BERKAS.json",
    "FILE.pdf": "BERKAS.pdf",
    "FILE.png": "BERKAS.png",
    "FILE.xlsx": "BERKAS.xlsx",
    "FILE.xlsx|FILE.pdf": "BERKAS.xlsx|BERKAS.pdf",
    "FIRST_YEAR": "TAHUN_PERTAMA",
    "INNOVATORS": "INOVATOR",
    "KEY": "KUNCI",
    "KIND": "JENIS",
    "LINKS": "TAUTAN",
    "NAME": "NAMA",
    "NOTE": "CATATAN",
    "OUT": "KELUARAN",
    "PATH_OR_URL": "JALUR_ATAU_URL",
    "PHONE": "TELEPON",
    "REASON": "ALASAN",
    "SEED": "BENIH",
    "SUMMARY": "URAIAN",
    "TEXT": "TEKS",
    "TITLE": "JUDUL",
    "UNITS": "JUMLAH_PD",
    "YEAR": "TAHUN",
}
# Placeholders both languages write alike (letters, codes, a date's pattern).
SAME_PLACEHOLDERS = frozenset({"E1,E2", "E1,E2,...", "FOLDER", "HEX", "K", "LOGIN", "M", "N",
                               "NIP", "S", "U1,U2", "YYYY-MM-DD"})

# The program, its global options and the commands without actions of their own.
COMMANDS = {
    "Judge public-service innovation competitions. Without a command, opens the app.":
        "Penilaian kompetisi inovasi pelayanan publik. Tanpa perintah, aplikasi dibuka.",
    "SQLite file path or SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db (default: "
    "the app's own file in your user data folder)":
        "jalur berkas SQLite atau URL SQLAlchemy, mis. postgresql+psycopg://user@host/db "
        "(bawaan: berkas milik aplikasi di folder data pengguna Anda)",
    "who is working: your login (the password is asked, or read from JUDGING_APP_PASSWORD); "
    "on an unprotected database any name (recorded as not verified). Nothing is remembered "
    "between commands":
        "siapa yang bekerja: login Anda (kata sandi ditanyakan, atau dibaca dari "
        "JUDGING_APP_PASSWORD); pada basis data tanpa perlindungan nama apa pun (dicatat "
        "sebagai belum diverifikasi). Tidak ada yang diingat dari satu perintah ke perintah "
        "berikutnya",
    "language of messages, of the app window and of the documents a command writes "
    "(default: JUDGING_APP_LANG, else the system's language; documents default to id)":
        "bahasa pesan, jendela aplikasi, dan dokumen yang ditulis perintah (bawaan: "
        "JUDGING_APP_LANG, jika tidak ada, bahasa sistem; dokumen berbahasa id bila tidak "
        "dipilih)",
    "open the app window": "buka jendela aplikasi",
    "check this installation: open the window, answer Cancel to any question, close as "
    "soon as the window has shown (exit status 0 when it did)":
        "periksa instalasi ini: buka jendela, jawab Batal pada setiap pertanyaan, tutup "
        "segera setelah jendela tampil (status keluar 0 bila berhasil)",
    "judge mode: score your entries on this database or from a package":
        "mode juri: nilai inovasi Anda pada basis data ini atau dari sebuah paket juri",
    "a judge package (offline laptop)": "paket juri (laptop tanpa jaringan)",
    "build a realistic demo competition": "buat kompetisi demo yang realistis",
    "how many entries": "jumlah inovasi",
    "how many judges": "jumlah juri",
    "the same seed makes the same competition":
        "benih acak yang sama menghasilkan kompetisi yang sama",
    "judges assigned to each entry": "jumlah juri yang ditugaskan pada setiap inovasi",
    "also fill in judges' score sheets": "isi juga lembar penilaian para juri",
    "the competition's code (default: demo-YEAR; refused when taken)":
        "kode kompetisi (bawaan: demo-TAHUN; ditolak bila sudah dipakai)",
    "instead: three years of a city's programme (programme demo)":
        "sebagai gantinya: program tiga tahun sebuah kota (demo program tahunan)",
    "database maintenance": "pemeliharaan basis data",
    "migrate to this version's schema": "migrasikan ke skema versi aplikasi ini",
    "write a consistent copy (SQLite file)": "tulis salinan yang konsisten (berkas SQLite)",
    "check the audit trail (keyed chain, anchors) and the data against it":
        "periksa jejak audit (rantai berkunci, jangkar) dan cocokkan data dengannya",
    "from now on every change needs a signed-in person (--user, a secretariat)":
        "mulai sekarang setiap perubahan memerlukan orang yang sudah masuk (--user, "
        "sekretariat)",
    "check the per-entry totals that results read against the scores":
        "periksa total per inovasi yang dibaca hasil terhadap nilai-nilainya",
    "the copy to write: a new SQLite file": "salinan yang ditulis: berkas SQLite baru",
    "record that an older copy (a backup) was restored on purpose (a secretariat; "
    "verify-audit then checks from it)":
        "catat bahwa salinan lama (cadangan) sengaja dipulihkan (sekretariat; verify-audit "
        "lalu memeriksa mulai dari situ)",
    "why, for the audit trail": "alasannya, untuk jejak audit",
    "recompute them when they differ": "hitung ulang bila berbeda",
    "write the user manual as a PDF (the language: --lang)":
        "tulis panduan pengguna sebagai PDF (bahasanya: --lang)",
}

# The window's own launchers (`judging-app-gui --help`, `judging-app-gui judge --help`).
WINDOW_LAUNCHERS = {
    "Judging public-service innovation competitions (desktop app).":
        "Penilaian kompetisi inovasi pelayanan publik (aplikasi desktop).",
    "judging-app-gui judge [--package FILE.jpkg] opens judge mode instead.":
        "judging-app-gui judge [--package BERKAS.jpkg] membuka mode juri.",
    "the database: an .sqlite file or an SQLAlchemy URL (default: judging_app.sqlite in the "
    "user data folder)":
        "basis data: berkas .sqlite atau URL SQLAlchemy (bawaan: judging_app.sqlite di folder "
        "data pengguna)",
    "language of the interface for this session": "bahasa antarmuka untuk sesi ini",
    "Judge mode: score your assigned entries.":
        "Mode juri: nilai inovasi yang ditugaskan kepada Anda.",
    "judge directly on this database (default: the app's own file)":
        "menilai langsung pada basis data ini (bawaan: berkas milik aplikasi)",
    "a judge package (.jpkg) from the secretariat": "paket juri (.jpkg) dari sekretariat",
    "language of the interface": "bahasa antarmuka",
}

INDONESIAN: dict[str, str] = {
    **ARGPARSE, **PLACEHOLDERS, **COMMANDS, **WINDOW_LAUNCHERS, **cli_help_setup.HELP, **cli_help_judging.HELP,
    **cli_help_programme.HELP, **cli_help_security.HELP,
}
