"""Indonesian help of the trust commands: people, keys, server (the English is in
cli/security_commands.py; see texts/cli_help.py)."""

HELP = {
    # -- people ----------------------------------------------------------------------------
    "people who sign in, their roles and passwords":
        "orang yang masuk ke aplikasi, peran, dan kata sandinya",
    "registered people and their roles": "orang yang terdaftar beserta perannya",
    "register a person": "daftarkan seseorang",
    "set a new password": "tetapkan kata sandi baru",
    "replace a person's roles (and judge links)":
        "ganti peran seseorang (dan tautannya ke juri)",
    "the person can no longer sign in": "orang itu tidak dapat masuk lagi",
    "the person can sign in again": "orang itu dapat masuk kembali",
    "what the person signs in with (lower case letters, digits, _)":
        "nama yang dipakai untuk masuk (huruf kecil, angka, _)",
    "full name, as in the minutes": "nama lengkap, seperti pada berita acara",
    "civil servant number (NIP)": "Nomor Induk Pegawai (NIP)",
    "a role the person holds (repeatable): secretariat runs competitions and people, chair "
    "decides ties and signs off reopening, judge scores the judge rows linked, observer "
    "reads only":
        "peran yang dipegang (boleh diulang): secretariat (sekretariat) mengelola kompetisi "
        "dan pengguna, chair (ketua dewan juri) memutuskan nilai sama dan menyetujui "
        "pembukaan kembali, judge (juri) menilai atas nama juri yang ditautkan, observer "
        "(pengamat) hanya membaca",
    "the judge row this person scores (repeatable)":
        "juri yang dinilaikan oleh orang ini (boleh diulang)",
    "read the new password from standard input": "baca kata sandi baru dari masukan standar",
    "make one up and show it once": "buatkan satu dan tampilkan sekali saja",
    # -- keys ------------------------------------------------------------------------------
    "the key store: backup and a second secretariat PC":
        "penyimpanan kunci: cadangan dan komputer sekretariat kedua",
    "write this database's keys to a file protected by a passphrase":
        "tulis kunci basis data ini ke berkas yang dilindungi frasa sandi",
    "add the keys of an exported file": "tambahkan kunci dari berkas hasil ekspor",
    "move judges' keys still stored in an older database into the key store (the "
    "secretariat; done on first use anyway)":
        "pindahkan kunci juri yang masih tersimpan di basis data lama ke penyimpanan kunci "
        "(oleh sekretariat; tetap dilakukan sendiri saat pertama dipakai)",
    "the key file to write (its passphrase is asked, or read from "
    "JUDGING_APP_KEYS_PASSPHRASE)":
        "berkas kunci yang ditulis (frasa sandinya ditanyakan, atau dibaca dari "
        "JUDGING_APP_KEYS_PASSPHRASE)",
    "every key on this computer": "setiap kunci di komputer ini",
    "a key file written by keys export": "berkas kunci yang ditulis oleh keys export",
    # -- server ----------------------------------------------------------------------------
    "a shared PostgreSQL server: its locked-down layout":
        "server PostgreSQL bersama: susunannya yang terkunci",
    "run by the server's administrator: the app's schema, owner and group roles, grants, "
    "row-level security (again after upgrading)":
        "dijalankan administrator server: skema aplikasi, peran pemilik dan kelompok, hak "
        "akses, keamanan tingkat baris (diulang setelah pemutakhiran)",
    "also create this first secretariat's login (password asked)":
        "buat juga login sekretariat pertama ini (kata sandi ditanyakan)",
    "the first secretariat's full name": "nama lengkap sekretariat pertama",
    "recompute finalized results from the scores and compare them with the snapshot and "
    "the printed digest":
        "hitung ulang hasil final dari nilai-nilainya dan bandingkan dengan snapshot serta "
        "sidik digital yang tercetak",
    "reopen finalized results (chair, then secretariat)":
        "buka kembali hasil final (ketua dewan juri, lalu sekretariat)",
}
