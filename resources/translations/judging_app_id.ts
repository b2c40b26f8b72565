<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>ActorDialog</name>
    <message>
        <source>Who is working?</source>
        <translation>Siapa yang bertugas?</translation>
    </message>
    <message>
        <source>Your name is recorded with every change you make, in the audit trail of the database. It is asked once and remembered on this computer.</source>
        <translation>Nama Anda dicatat pada setiap perubahan yang Anda buat, dalam jejak audit basis data. Nama ini ditanyakan sekali dan diingat di komputer ini.</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>&amp;Nama Anda:</translation>
    </message>
    <message>
        <source>Full name, as in the minutes</source>
        <translation>Nama lengkap, seperti pada berita acara</translation>
    </message>
</context>
<context>
    <name>CompetitionList</name>
    <message>
        <source>No competitions yet — create one from a template or run the demo</source>
        <translation>Belum ada kompetisi — buat dari templat atau jalankan demo</translation>
    </message>
    <message>
        <source>To try the app with sample data, run %1 in a terminal.</source>
        <translation>Untuk mencoba aplikasi dengan data contoh, jalankan %1 di terminal.</translation>
    </message>
</context>
<context>
    <name>CompetitionStatus</name>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <source>Judging</source>
        <translation>Penilaian</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>Final (disahkan)</translation>
    </message>
</context>
<context>
    <name>CompetitionTableModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Penyelenggara</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>Juri</translation>
    </message>
</context>
<context>
    <name>CompetitionWorkspace</name>
    <message>
        <source>Setup</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>Juri</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Penugasan</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Kemajuan</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
</context>
<context>
    <name>DatabaseOpening</name>
    <message>
        <source>It was made by a newer version of this app. Install the newer version to open it. The database was not changed.</source>
        <translation>Basis data ini dibuat oleh versi aplikasi yang lebih baru. Pasang versi yang lebih baru untuk membukanya. Basis data tidak diubah.</translation>
    </message>
    <message>
        <source>The file is damaged. Restore it from a backup. The file was not changed.</source>
        <translation>Berkas ini rusak. Pulihkan dari cadangan. Berkas tidak diubah.</translation>
    </message>
    <message>
        <source>It is not a database of this app. Choose a file this app created, or a new file name. Nothing was changed.</source>
        <translation>Ini bukan basis data aplikasi ini. Pilih berkas yang dibuat oleh aplikasi ini, atau nama berkas baru. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>The database does not exist or cannot be reached. Check the file name or the server address.</source>
        <translation>Basis data tidak ada atau tidak dapat dijangkau. Periksa nama berkas atau alamat server.</translation>
    </message>
    <message>
        <source>An unexpected error happened while opening the database.</source>
        <translation>Terjadi kesalahan tak terduga saat membuka basis data.</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Basis data tidak dapat dibuka</translation>
    </message>
    <message>
        <source>The database %1 could not be opened.</source>
        <translation>Basis data %1 tidak dapat dibuka.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Cannot open the database</source>
        <translation>Basis data tidak dapat dibuka</translation>
    </message>
    <message>
        <source>The database %1 could not be opened.</source>
        <translation>Basis data %1 tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>Buka basis data lain…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Buka basis data</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Basis data baru</translation>
    </message>
    <message>
        <source>Judging databases (%1)</source>
        <translation>Basis data penjurian (%1)</translation>
    </message>
    <message>
        <source>All files (%1)</source>
        <translation>Semua berkas (%1)</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>Panduan pengguna</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Judging App</source>
        <translation>Aplikasi Penjurian</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>New &amp;competition from a template…</source>
        <translation>&amp;Kompetisi baru dari templat…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Buka basis data…</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>Basis data &amp;baru…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Baru &amp;dibuka</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>&amp;Kosongkan daftar</translation>
    </message>
    <message>
        <source>Change &amp;who is working…</source>
        <translation>Ganti &amp;petugas…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>All &amp;competitions</source>
        <translation>Semua &amp;kompetisi</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>B&amp;antuan</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Panduan pengguna</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>&amp;Tentang %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Basis data: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln competition(s)</source>
        <translation>
            <numerusform>%Ln kompetisi</numerusform>
        </translation>
    </message>
    <message>
        <source>Working as: %1</source>
        <translation>Petugas: %1</translation>
    </message>
    <message>
        <source>Working as: (not set)</source>
        <translation>Petugas: (belum diisi)</translation>
    </message>
    <message>
        <source>Cannot read the database</source>
        <translation>Basis data tidak dapat dibaca</translation>
    </message>
    <message>
        <source>The list of competitions could not be read.</source>
        <translation>Daftar kompetisi tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>Check that the database is still there, then open it again.</source>
        <translation>Pastikan basis data masih ada, lalu buka kembali.</translation>
    </message>
</context>
<context>
    <name>NewCompetitionDialog</name>
    <message>
        <source>New competition</source>
        <translation>Kompetisi baru</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Templat:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Tahun:</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
</TS>
