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
    <name>AgreementPlot</name>
    <message>
        <source>poor</source>
        <translation>lemah</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>sedang</translation>
    </message>
    <message>
        <source>good</source>
        <translation>baik</translation>
    </message>
    <message>
        <source>excellent</source>
        <translation>sangat baik</translation>
    </message>
    <message>
        <source>Agreement between judges (1 = perfect, 0 = none)</source>
        <translation>Kesepakatan antarjuri (1 = sempurna, 0 = tidak ada)</translation>
    </message>
</context>
<context>
    <name>AssignmentLabels</name>
    <message>
        <source>Registered</source>
        <translation>Terdaftar</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Memenuhi syarat</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>Didiskualifikasi</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Mengundurkan diri</translation>
    </message>
</context>
<context>
    <name>AssignmentsView</name>
    <message>
        <source>Preview automatic assignment to see each judge&apos;s new load before anything is written.</source>
        <translation>Tampilkan pratinjau penugasan otomatis untuk melihat beban baru setiap juri sebelum ada yang disimpan.</translation>
    </message>
    <message>
        <source>Preview, not written yet. New assignments: %1.</source>
        <translation>Pratinjau, belum disimpan. Penugasan baru: %1.</translation>
    </message>
    <message>
        <source>Nothing to add: every entry already has enough judges (%1).</source>
        <translation>Tidak ada yang perlu ditambahkan: setiap inovasi sudah memiliki cukup juri (%1).</translation>
    </message>
    <message>
        <source>The panel is too small: judges needed per entry: %1, active judges: %2.</source>
        <translation>Dewan juri terlalu kecil: juri yang dibutuhkan per inovasi: %1, juri aktif: %2.</translation>
    </message>
    <message>
        <source>Entries that cannot get %1 judges without a conflict of interest (%2): %3</source>
        <translation>Inovasi yang tidak dapat memperoleh %1 juri tanpa konflik kepentingan (%2): %3</translation>
    </message>
    <message>
        <source>Judges&apos; loads would differ by more than one (conflicts or earlier assignments).</source>
        <translation>Beban juri akan berselisih lebih dari satu (karena konflik kepentingan atau penugasan sebelumnya).</translation>
    </message>
    <message>
        <source>No entry matches “%1”.</source>
        <translation>Tidak ada inovasi yang cocok dengan “%1”.</translation>
    </message>
    <message>
        <source>Every entry has enough judges.</source>
        <translation>Setiap inovasi sudah memiliki cukup juri.</translation>
    </message>
    <message>
        <source>&amp;Round:</source>
        <translation>&amp;Tahap:</translation>
    </message>
    <message>
        <source>&amp;Judges per entry:</source>
        <translation>&amp;Juri per inovasi:</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Pratinjau</translation>
    </message>
    <message>
        <source>App&amp;ly</source>
        <translation>Te&amp;rapkan</translation>
    </message>
    <message>
        <source>&amp;Discard preview</source>
        <translation>&amp;Buang pratinjau</translation>
    </message>
    <message>
        <source>Judges (drag one onto entries to assign)</source>
        <translation>Juri (seret ke inovasi untuk menugaskan)</translation>
    </message>
    <message>
        <source>Automatic assignment</source>
        <translation>Penugasan otomatis</translation>
    </message>
    <message>
        <source>Search code, title, unit or judge</source>
        <translation>Cari kode, judul, perangkat daerah, atau juri</translation>
    </message>
    <message>
        <source>&amp;Only entries with too few judges</source>
        <translation>&amp;Hanya inovasi yang kekurangan juri</translation>
    </message>
    <message>
        <source>&amp;Assign judge to selected</source>
        <translation>Tugaskan juri ke yang &amp;dipilih</translation>
    </message>
    <message>
        <source>Re&amp;move judge from selected</source>
        <translation>&amp;Lepas juri dari yang dipilih</translation>
    </message>
    <message>
        <source>This competition has no scored round to assign.</source>
        <translation>Kompetisi ini tidak memiliki tahap penilaian yang dapat ditugaskan.</translation>
    </message>
    <message>
        <source>No entries take part in this round yet: entries take part once they are eligible and, after a round with an advancement rule, once they have advanced.</source>
        <translation>Belum ada inovasi yang mengikuti tahap ini: inovasi ikut serta setelah dinyatakan memenuhi syarat dan, bila tahap sebelumnya memiliki aturan kelolosan, setelah lolos dari tahap tersebut.</translation>
    </message>
    <message>
        <source>Entries in this round: %1 · assignments: %2 · with too few judges (under %3): %4</source>
        <translation>Inovasi pada tahap ini: %1 · penugasan: %2 · kekurangan juri (kurang dari %3): %4</translation>
    </message>
    <message>
        <source>No entries to assign yet</source>
        <translation>Belum ada inovasi untuk ditugaskan</translation>
    </message>
    <message>
        <source>Entries take part once they are eligible: screen them in Entries.</source>
        <translation>Inovasi ikut serta setelah memenuhi syarat: lakukan seleksi di Inovasi.</translation>
    </message>
    <message>
        <source>Go to Entries</source>
        <translation>Ke Inovasi</translation>
    </message>
    <message>
        <source>No judges to assign yet</source>
        <translation>Belum ada juri untuk ditugaskan</translation>
    </message>
    <message>
        <source>Enrol the judges first, with their units.</source>
        <translation>Daftarkan juri terlebih dahulu, beserta perangkat daerahnya.</translation>
    </message>
    <message>
        <source>Go to Judges</source>
        <translation>Ke Juri</translation>
    </message>
    <message>
        <source>Nothing is assigned in this round yet</source>
        <translation>Belum ada penugasan pada tahap ini</translation>
    </message>
    <message>
        <source>Let the app propose an assignment: every entry gets the number of judges chosen below, the loads are balanced and nobody gets an entry of their own unit. You see it before anything is saved.</source>
        <translation>Biarkan aplikasi mengusulkan penugasan: setiap inovasi mendapat jumlah juri yang dipilih di bawah, beban diseimbangkan, dan tidak ada juri yang mendapat inovasi dari perangkat daerahnya sendiri. Anda melihatnya dulu sebelum apa pun disimpan.</translation>
    </message>
    <message>
        <source>Preview an automatic assignment</source>
        <translation>Pratinjau penugasan otomatis</translation>
    </message>
    <message>
        <source>Reading the assignments…</source>
        <translation>Membaca data penugasan…</translation>
    </message>
    <message>
        <source>Cannot read the assignments</source>
        <translation>Data penugasan tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Select entries and an active judge</source>
        <translation>Pilih inovasi dan seorang juri yang aktif</translation>
    </message>
    <message>
        <source>Working out the assignment…</source>
        <translation>Menyusun penugasan…</translation>
    </message>
    <message>
        <source>Cannot preview the assignment</source>
        <translation>Pratinjau penugasan tidak dapat ditampilkan</translation>
    </message>
    <message>
        <source>Cannot apply the assignment</source>
        <translation>Penugasan tidak dapat diterapkan</translation>
    </message>
    <message>
        <source>Assignments added: %1.</source>
        <translation>Penugasan ditambahkan: %1.</translation>
    </message>
    <message>
        <source>The data had changed since the preview, so the result differs from it.</source>
        <translation>Data telah berubah sejak pratinjau, sehingga hasilnya berbeda dari pratinjau.</translation>
    </message>
    <message>
        <source>Writing the assignment…</source>
        <translation>Menyimpan penugasan…</translation>
    </message>
    <message>
        <source>Cannot assign the judge</source>
        <translation>Juri tidak dapat ditugaskan</translation>
    </message>
    <message>
        <source>Cannot remove the assignment</source>
        <translation>Penugasan tidak dapat dilepas</translation>
    </message>
    <message>
        <source>%1 assigned to: %2.</source>
        <translation>%1 ditugaskan pada: %2.</translation>
    </message>
    <message>
        <source>%1 removed from: %2.</source>
        <translation>%1 dilepas dari: %2.</translation>
    </message>
    <message>
        <source>Already assigned: %1.</source>
        <translation>Sudah ditugaskan: %1.</translation>
    </message>
    <message>
        <source>Was not assigned: %1.</source>
        <translation>Tidak ditugaskan sebelumnya: %1.</translation>
    </message>
    <message>
        <source>Not assigned (conflict of interest): %1.</source>
        <translation>Tidak ditugaskan (konflik kepentingan): %1.</translation>
    </message>
    <message>
        <source>Kept, a sheet exists: %1.</source>
        <translation>Tetap, lembar penilaian sudah ada: %1.</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach to %1</source>
        <translation>Lampirkan ke %1</translation>
    </message>
    <message>
        <source>From each file&apos;s name (proposal or evidence)</source>
        <translation>Dari nama setiap berkas (proposal atau bukti dukung)</translation>
    </message>
    <message>
        <source>Every round</source>
        <translation>Semua tahap</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Berkas:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>&amp;Round:</source>
        <translation>&amp;Tahap:</translation>
    </message>
</context>
<context>
    <name>AwardTiersModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Nama penghargaan</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Rank from</source>
        <translation>Peringkat dari</translation>
    </message>
    <message>
        <source>Rank to</source>
        <translation>Peringkat sampai</translation>
    </message>
    <message>
        <source>Min score</source>
        <translation>Nilai min.</translation>
    </message>
    <message>
        <source>Min incl.</source>
        <translation>Termasuk min.</translation>
    </message>
    <message>
        <source>Max score</source>
        <translation>Nilai maks.</translation>
    </message>
    <message>
        <source>Max incl.</source>
        <translation>Termasuk maks.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>In English</source>
        <translation>Dalam bahasa Inggris</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <source>A rank tier has no score band.</source>
        <translation>Kategori penghargaan menurut peringkat tidak memiliki rentang nilai.</translation>
    </message>
    <message>
        <source>A score band has no ranks.</source>
        <translation>Rentang nilai tidak memiliki peringkat.</translation>
    </message>
    <message>
        <source>New award</source>
        <translation>Penghargaan baru</translation>
    </message>
</context>
<context>
    <name>BlockingTiesPanel</name>
    <message>
        <source>Blocking ties: %1</source>
        <translation>Nilai sama yang menghambat penetapan hasil: %1</translation>
    </message>
    <message>
        <source>&amp;Decide…</source>
        <translation>&amp;Putuskan…</translation>
    </message>
</context>
<context>
    <name>CategoriesModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>Nama dalam bahasa Inggris</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries are in this category; its code cannot change.</source>
        <translation>
            <numerusform>%Ln inovasi terdaftar dalam kategori ini; kodenya tidak dapat diubah.</numerusform>
        </translation>
    </message>
    <message>
        <source>New category</source>
        <translation>Kategori baru</translation>
    </message>
</context>
<context>
    <name>CompetitionList</name>
    <message>
        <source>Competitions in this database</source>
        <translation>Kompetisi dalam basis data ini</translation>
    </message>
    <message>
        <source>Choose a competition and press Enter, double-click it or use Open.</source>
        <translation>Pilih kompetisi lalu tekan Enter, klik dua kali, atau gunakan Buka.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
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
        <source>Overview</source>
        <translation>Ikhtisar</translation>
    </message>
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
    <name>ComplianceTab</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Government unit</source>
        <translation>Perangkat daerah</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Terdaftar</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Peserta kompetisi</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Memenuhi syarat</translation>
    </message>
    <message>
        <source>Awarded</source>
        <translation>Meraih penghargaan</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Programme year:</source>
        <translation>Tahun program:</translation>
    </message>
    <message>
        <source>Export to &amp;Excel…</source>
        <translation>Ekspor ke &amp;Excel…</translation>
    </message>
    <message>
        <source>Export &amp;PDF for a letter…</source>
        <translation>Ekspor &amp;PDF untuk lampiran surat…</translation>
    </message>
    <message>
        <source>no innovation this year</source>
        <translation>belum ada inovasi tahun ini</translation>
    </message>
    <message>
        <source>including %1 (merged)</source>
        <translation>termasuk %1 (digabung)</translation>
    </message>
    <message>
        <source>No programme year yet: add competitions or import the register of units.</source>
        <translation>Belum ada tahun program: tambahkan kompetisi atau impor register perangkat daerah.</translation>
    </message>
    <message>
        <source>%1 government units: %2 with an innovation this year, %3 without (painted, listed first).</source>
        <translation>%1 perangkat daerah: %2 memiliki inovasi tahun ini, %3 belum (diberi warna, dicantumkan paling atas).</translation>
    </message>
    <message>
        <source>Competitions counted: %1</source>
        <translation>Kompetisi yang diperhitungkan: %1</translation>
    </message>
    <message>
        <source>No city competition this year.</source>
        <translation>Tidak ada kompetisi tingkat kota tahun ini.</translation>
    </message>
    <message>
        <source>Results not finalized yet: awards are not counted.</source>
        <translation>Hasil belum difinalkan: penghargaan belum dihitung.</translation>
    </message>
    <message>
        <source>Entries from units not linked to the register: %1 (see Matches to confirm).</source>
        <translation>Peserta dari perangkat daerah yang belum terhubung ke register: %1 (lihat Padanan untuk dikonfirmasi).</translation>
    </message>
    <message>
        <source>Save the compliance list</source>
        <translation>Simpan daftar kepatuhan</translation>
    </message>
    <message>
        <source>Save the compliance workbook</source>
        <translation>Simpan lembar kerja kepatuhan</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the compliance list…</source>
        <translation>Menulis daftar kepatuhan…</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>Kepatuhan</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Tersimpan: %1</translation>
    </message>
    <message>
        <source>Cannot write the compliance list</source>
        <translation>Daftar kepatuhan tidak dapat ditulis</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Declare a conflict of interest</source>
        <translation>Nyatakan konflik kepentingan</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>Inovasi:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>&amp;Explanation:</source>
        <translation>&amp;Penjelasan:</translation>
    </message>
    <message>
        <source>You will not score this entry: it leaves your list and your draft for it is removed. The secretariat sees the reason.</source>
        <translation>Anda tidak akan menilai inovasi ini: inovasi ini dikeluarkan dari daftar Anda dan draf lembar penilaian Anda untuk inovasi ini dihapus. Sekretariat dapat melihat alasannya.</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <source>Entry</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Declared by %1; can be withdrawn</source>
        <translation>Dinyatakan oleh %1; dapat dicabut</translation>
    </message>
    <message>
        <source>Found from the units; changes only when a unit changes</source>
        <translation>Ditentukan dari perangkat daerah; hanya berubah bila perangkat daerah berubah</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Terjadi kesalahan</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Salin rincian</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Tampilkan rincian</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Tersalin</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Sembunyikan rincian</translation>
    </message>
</context>
<context>
    <name>CriteriaModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <source>Weight (%)</source>
        <translation>Bobot (%)</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Maks.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Kelipatan</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Kelompok aspek</translation>
    </message>
    <message>
        <source>In English</source>
        <translation>Dalam bahasa Inggris</translation>
    </message>
    <message>
        <source>New criterion</source>
        <translation>Kriteria baru</translation>
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
    <name>DeclareConflictDialog</name>
    <message>
        <source>Declare a conflict of interest</source>
        <translation>Nyatakan konflik kepentingan</translation>
    </message>
    <message>
        <source>Judge: %1</source>
        <translation>Juri: %1</translation>
    </message>
    <message>
        <source>&amp;Entry (type to search by code, title or unit):</source>
        <translation>&amp;Inovasi (ketik untuk mencari menurut kode, judul, atau perangkat daerah):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>E&amp;xplanation:</source>
        <translation>&amp;Keterangan:</translation>
    </message>
    <message>
        <source>The judge&apos;s assignment and draft sheet for this entry are removed; a submitted sheet must be reopened first.</source>
        <translation>Penugasan dan draf lembar penilaian juri untuk inovasi ini dihapus; lembar penilaian yang sudah terkirim harus dibuka kembali terlebih dahulu.</translation>
    </message>
    <message>
        <source>required for &apos;Other&apos;</source>
        <translation>wajib diisi untuk &apos;Lainnya&apos;</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opsional</translation>
    </message>
</context>
<context>
    <name>DescribeDialog</name>
    <message>
        <source>Every round</source>
        <translation>Semua tahap</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Judul:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>&amp;Round:</source>
        <translation>&amp;Tahap:</translation>
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
        <source>New password</source>
        <translation>Kata sandi baru</translation>
    </message>
    <message>
        <source>The password of %1 (shown once; give it to the person, who can change it later):</source>
        <translation>Kata sandi %1 (ditampilkan sekali; berikan kepada orangnya, yang dapat mengubahnya nanti):</translation>
    </message>
    <message>
        <source>Open a judge package</source>
        <translation>Buka paket juri</translation>
    </message>
    <message>
        <source>Judge packages (*.jpkg);;All files (*)</source>
        <translation>Paket juri (*.jpkg);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Connect to a database server</source>
        <translation>Sambungkan ke server basis data</translation>
    </message>
    <message>
        <source>Server address, for example
postgresql+psycopg://user:password@host/database</source>
        <translation>Alamat server, misalnya
postgresql+psycopg://pengguna:sandi@host/basisdata</translation>
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
    <name>DigestDialog</name>
    <message>
        <source>Results finalized</source>
        <translation>Hasil telah ditetapkan</translation>
    </message>
    <message>
        <source>The results are final and frozen in a snapshot. Its SHA-256 digest, to print on the minutes of evaluation:</source>
        <translation>Hasil sudah final dan disimpan sebagai rekaman hasil yang tidak dapat diubah. Digest SHA-256-nya, untuk dicantumkan pada berita acara penilaian:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
</context>
<context>
    <name>DocumentSettingsDialog</name>
    <message>
        <source>Letterhead and signatures</source>
        <translation>Kop surat dan tanda tangan</translation>
    </message>
    <message>
        <source>How the minutes, the winners list and the workbook&apos;s winners sheet are headed and signed. Empty fields print as a dotted line to fill in by hand.</source>
        <translation>Cara berita acara, daftar pemenang dan lembar pemenang pada buku kerja diberi kop dan ditandatangani. Isian yang kosong dicetak sebagai garis titik-titik untuk diisi tangan.</translation>
    </message>
    <message>
        <source>&amp;Government (first line):</source>
        <translation>&amp;Pemerintah (baris pertama):</translation>
    </message>
    <message>
        <source>&amp;Office (second line):</source>
        <translation>&amp;Instansi (baris kedua):</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Alamat:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <source>&amp;Head of region&apos;s title:</source>
        <translation>&amp;Jabatan kepala daerah:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Daerah:</translation>
    </message>
    <message>
        <source>Head&apos;s &amp;name:</source>
        <translation>&amp;Nama kepala daerah:</translation>
    </message>
    <message>
        <source>Head&apos;s NI&amp;P:</source>
        <translation>NI&amp;P kepala daerah:</translation>
    </message>
    <message>
        <source>&amp;Place of issue:</source>
        <translation>&amp;Tempat penetapan:</translation>
    </message>
    <message>
        <source>Minutes &amp;number (Nomor):</source>
        <translation>&amp;Nomor berita acara:</translation>
    </message>
    <message>
        <source>&amp;Decree number:</source>
        <translation>Nomor &amp;keputusan:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zona waktu:</translation>
    </message>
    <message>
        <source>e.g. PEMERINTAH KOTA SURABAYA</source>
        <translation>mis. PEMERINTAH KOTA SURABAYA</translation>
    </message>
    <message>
        <source>e.g. SURABAYA</source>
        <translation>mis. SURABAYA</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>P&amp;ilih…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Ha&amp;pus</translation>
    </message>
    <message>
        <source>WIB (Asia/Jakarta)</source>
        <translation>WIB (Asia/Jakarta)</translation>
    </message>
    <message>
        <source>WITA (Asia/Makassar)</source>
        <translation>WITA (Asia/Makassar)</translation>
    </message>
    <message>
        <source>WIT (Asia/Jayapura)</source>
        <translation>WIT (Asia/Jayapura)</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Pilih logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Search in the document</source>
        <translation>Cari dalam dokumen</translation>
    </message>
    <message>
        <source>Open outside</source>
        <translation>Buka di luar</translation>
    </message>
    <message>
        <source>Open the file in the computer&apos;s own viewer</source>
        <translation>Buka berkas dengan penampil bawaan komputer</translation>
    </message>
    <message>
        <source>Open outside the app</source>
        <translation>Buka di luar aplikasi</translation>
    </message>
    <message>
        <source>Previous page (PgUp)</source>
        <translation>Halaman sebelumnya (PgUp)</translation>
    </message>
    <message>
        <source>Next page (PgDn)</source>
        <translation>Halaman berikutnya (PgDn)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Perkecil (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Perbesar (Ctrl++)</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Temuan sebelumnya (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Temuan berikutnya (Enter)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Sesuai lebar</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Membuka…</translation>
    </message>
    <message>
        <source>This PDF is protected with a password, so it cannot be displayed here.</source>
        <translation>PDF ini dilindungi kata sandi sehingga tidak dapat ditampilkan di sini.</translation>
    </message>
    <message>
        <source>This file cannot be displayed here: it is damaged or not what its name says.</source>
        <translation>Berkas ini tidak dapat ditampilkan di sini: berkas rusak atau isinya tidak sesuai dengan namanya.</translation>
    </message>
    <message>
        <source>This file cannot be displayed here.</source>
        <translation>Berkas ini tidak dapat ditampilkan di sini.</translation>
    </message>
    <message>
        <source>This PDF has no pages.</source>
        <translation>PDF ini tidak memiliki halaman.</translation>
    </message>
    <message>
        <source>This document cannot be displayed here: it is too large or too complex to draw in reasonable time and memory.</source>
        <translation>Dokumen ini tidak dapat ditampilkan di sini: terlalu besar atau terlalu rumit untuk digambar dalam waktu dan memori yang wajar.</translation>
    </message>
    <message>
        <source>This kind of file is not displayed in the app.</source>
        <translation>Jenis berkas ini tidak ditampilkan di dalam aplikasi.</translation>
    </message>
    <message>
        <source>This entry has no documents.</source>
        <translation>Inovasi ini tidak memiliki dokumen.</translation>
    </message>
    <message>
        <source>You can open it outside the app with the button below.</source>
        <translation>Anda dapat membukanya di luar aplikasi dengan tombol di bawah.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Mencari…</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>dari %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 dari %2</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>tidak ditemukan</translation>
    </message>
    <message>
        <source>Cannot open the document</source>
        <translation>Dokumen tidak dapat dibuka</translation>
    </message>
    <message>
        <source>No program on this computer opens %1. The file is here: %2</source>
        <translation>Tidak ada program di komputer ini yang dapat membuka %1. Berkasnya ada di sini: %2</translation>
    </message>
</context>
<context>
    <name>DocumentsDialogs</name>
    <message>
        <source>Proposal</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Bukti dukung</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Attach documents</source>
        <translation>Lampirkan dokumen</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Dokumen (*.pdf *.png *.jpg *.jpeg);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Folder with the documents</source>
        <translation>Folder berisi dokumen</translation>
    </message>
</context>
<context>
    <name>EntriesTableModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Perangkat daerah</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Tahapan</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Innovators</source>
        <translation>Inovator</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>EntriesView</name>
    <message>
        <source>Mark eligible</source>
        <translation>Tandai memenuhi syarat</translation>
    </message>
    <message>
        <source>Disqualified or withdrawn among the selected entries: %1. Marking them eligible clears their reasons. Continue?</source>
        <translation>Inovasi terpilih yang didiskualifikasi atau mengundurkan diri: %1. Jika ditandai memenuhi syarat, alasannya akan dihapus. Lanjutkan?</translation>
    </message>
    <message>
        <source>Disqualify</source>
        <translation>Diskualifikasi</translation>
    </message>
    <message>
        <source>Why is %1 disqualified?</source>
        <translation>Apa alasan %1 didiskualifikasi?</translation>
    </message>
    <message>
        <source>Why are the %1 selected entries disqualified?</source>
        <translation>Apa alasan %1 inovasi terpilih didiskualifikasi?</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Mengundurkan diri</translation>
    </message>
    <message>
        <source>Why is %1 withdrawn?</source>
        <translation>Apa alasan %1 mengundurkan diri?</translation>
    </message>
    <message>
        <source>Why are the %1 selected entries withdrawn?</source>
        <translation>Apa alasan %1 inovasi terpilih mengundurkan diri?</translation>
    </message>
    <message>
        <source>Cannot change the status</source>
        <translation>Status tidak dapat diubah</translation>
    </message>
    <message>
        <source>Saving the new status…</source>
        <translation>Menyimpan status baru…</translation>
    </message>
    <message>
        <source>No entries match the search or the filters.</source>
        <translation>Tidak ada inovasi yang cocok dengan pencarian atau saringan.</translation>
    </message>
    <message>
        <source>Search code, title, unit or innovator (Ctrl+F)</source>
        <translation>Cari kode, judul, perangkat daerah, atau inovator (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Add entry…</source>
        <translation>&amp;Tambah inovasi…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ubah…</translation>
    </message>
    <message>
        <source>Mark &amp;eligible</source>
        <translation>Tandai &amp;memenuhi syarat</translation>
    </message>
    <message>
        <source>&amp;Disqualify…</source>
        <translation>&amp;Diskualifikasi…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>Tandai mengundurkan di&amp;ri…</translation>
    </message>
    <message>
        <source>&amp;Units…</source>
        <translation>&amp;Perangkat daerah…</translation>
    </message>
    <message>
        <source>&amp;Import from spreadsheet…</source>
        <translation>&amp;Impor dari lembar kerja…</translation>
    </message>
    <message>
        <source>Save import &amp;template…</source>
        <translation>&amp;Simpan templat impor…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Impor</translation>
    </message>
    <message>
        <source>D&amp;ocuments</source>
        <translation>D&amp;okumen</translation>
    </message>
    <message>
        <source>Attach a &amp;folder of documents…</source>
        <translation>Lampirkan &amp;folder dokumen…</translation>
    </message>
    <message>
        <source>Entries without a &amp;proposal…</source>
        <translation>Inovasi tanpa &amp;proposal…</translation>
    </message>
    <message>
        <source>Document &amp;limits…</source>
        <translation>&amp;Batas dokumen…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Cari</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>No entries yet — add one or import a spreadsheet</source>
        <translation>Belum ada inovasi — tambahkan satu per satu atau impor dari lembar kerja</translation>
    </message>
    <message>
        <source>Register the government units first (Units…), then add the entries.</source>
        <translation>Daftarkan perangkat daerah terlebih dahulu (Perangkat daerah…), lalu tambahkan inovasinya.</translation>
    </message>
    <message>
        <source>Add entry…</source>
        <translation>Tambah inovasi…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Semua tahapan</translation>
    </message>
    <message>
        <source>Cannot load the entries</source>
        <translation>Data inovasi tidak dapat dimuat</translation>
    </message>
    <message>
        <source>Loading entries…</source>
        <translation>Memuat data inovasi…</translation>
    </message>
    <message>
        <source>Not loaded (F5 loads the entries)</source>
        <translation>Belum dimuat (tekan F5 untuk memuat data inovasi)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entry(s)</source>
        <translation>
            <numerusform>%Ln inovasi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln entry(s)</source>
        <translation>
            <numerusform>%1 dari %Ln inovasi</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>%1 dipilih</translation>
    </message>
    <message>
        <source>Select one entry to read its summary, contacts and links.</source>
        <translation>Pilih satu inovasi untuk membaca ringkasan, kontak, dan tautannya.</translation>
    </message>
</context>
<context>
    <name>EntryAssignmentModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Perangkat daerah</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>Juri</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Usulan</translation>
    </message>
    <message>
        <source>No longer takes part in this round (%1)</source>
        <translation>Tidak lagi mengikuti tahap ini (%1)</translation>
    </message>
    <message>
        <source>Too few judges (under %1)</source>
        <translation>Kekurangan juri (kurang dari %1)</translation>
    </message>
    <message>
        <source>Already scoring (a sheet exists, cannot be removed): %1</source>
        <translation>Sudah menilai (lembar penilaian sudah ada, tidak dapat dilepas): %1</translation>
    </message>
    <message>
        <source>Conflict of interest: %1</source>
        <translation>Konflik kepentingan: %1</translation>
    </message>
</context>
<context>
    <name>EntryDocumentsPanel</name>
    <message>
        <source>Document or link</source>
        <translation>Dokumen atau tautan</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>For round</source>
        <translation>Untuk tahap</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>Tambah &amp;berkas…</translation>
    </message>
    <message>
        <source>Or drop files here</source>
        <translation>Atau letakkan berkas di sini</translation>
    </message>
    <message>
        <source>Add &amp;link…</source>
        <translation>Tambah &amp;tautan…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>U&amp;bah…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Hapus…</translation>
    </message>
    <message>
        <source>Select one entry to see its documents.</source>
        <translation>Pilih satu inovasi untuk melihat dokumennya.</translation>
    </message>
    <message>
        <source>Documents of %1: %2 · links: %3</source>
        <translation>Dokumen %1: %2 · tautan: %3</translation>
    </message>
    <message>
        <source>every round</source>
        <translation>semua tahap</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Tautan</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>Terlampir</translation>
    </message>
    <message>
        <source>Checking and attaching the files…</source>
        <translation>Memeriksa dan melampirkan berkas…</translation>
    </message>
    <message>
        <source>The files were not attached</source>
        <translation>Berkas tidak dilampirkan</translation>
    </message>
    <message>
        <source>The link was not added</source>
        <translation>Tautan tidak ditambahkan</translation>
    </message>
    <message>
        <source>Cannot open the document</source>
        <translation>Dokumen tidak dapat dibuka</translation>
    </message>
    <message>
        <source>The document was not changed</source>
        <translation>Dokumen tidak diubah</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Remove %1 from %2? The audit trail keeps a record of it.</source>
        <translation>Hapus %1 dari %2? Jejak audit tetap mencatatnya.</translation>
    </message>
    <message>
        <source>The document was not removed</source>
        <translation>Dokumen tidak dihapus</translation>
    </message>
    <message>
        <source>The link was not removed</source>
        <translation>Tautan tidak dihapus</translation>
    </message>
</context>
<context>
    <name>EntryFormDialog</name>
    <message>
        <source>Edit entry</source>
        <translation>Ubah inovasi</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Inovasi baru</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Kode:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Judul:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Perangkat daerah:</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>K&amp;ategori:</translation>
    </message>
    <message>
        <source>&amp;Innovators:</source>
        <translation>&amp;Inovator:</translation>
    </message>
    <message>
        <source>C&amp;ontact:</source>
        <translation>K&amp;ontak:</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>&amp;Tahapan:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>J&amp;enis:</translation>
    </message>
    <message>
        <source>Start &amp;date:</source>
        <translation>Tanggal &amp;mulai:</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>&amp;Ringkasan:</translation>
    </message>
    <message>
        <source>&amp;Links:</source>
        <translation>Ta&amp;utan:</translation>
    </message>
    <message>
        <source>Unique, e.g. INV-001</source>
        <translation>Unik, mis. INV-001</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>One or more names, separated by semicolons</source>
        <translation>Satu nama atau lebih, dipisahkan titik koma</translation>
    </message>
    <message>
        <source>Phone or e-mail</source>
        <translation>Telepon atau surel</translation>
    </message>
    <message>
        <source>One link per line (evidence documents, video)</source>
        <translation>Satu tautan per baris (bukti dukung, video)</translation>
    </message>
    <message>
        <source>The code is required.</source>
        <translation>Kode wajib diisi.</translation>
    </message>
    <message>
        <source>Another entry already has this code.</source>
        <translation>Kode ini sudah dipakai inovasi lain.</translation>
    </message>
    <message>
        <source>The title is required.</source>
        <translation>Judul wajib diisi.</translation>
    </message>
    <message>
        <source>Choose a unit (add units with Units… first).</source>
        <translation>Pilih perangkat daerah (tambahkan dahulu melalui Perangkat daerah…).</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>Pilih kategori.</translation>
    </message>
    <message>
        <source>Not saved: say who is working first.</source>
        <translation>Belum disimpan: isi dahulu siapa yang bertugas.</translation>
    </message>
</context>
<context>
    <name>EntryImport</name>
    <message>
        <source>Checking %1…</source>
        <translation>Memeriksa %1…</translation>
    </message>
    <message>
        <source>Cannot import this file</source>
        <translation>Berkas ini tidak dapat diimpor</translation>
    </message>
    <message>
        <source>%1 cannot be imported.</source>
        <translation>%1 tidak dapat diimpor.</translation>
    </message>
    <message>
        <source>Importing the entries of %1…</source>
        <translation>Mengimpor inovasi dari %1…</translation>
    </message>
    <message>
        <source>Entries imported from %1: %2.</source>
        <translation>Inovasi yang diimpor dari %1: %2.</translation>
    </message>
    <message>
        <source>New government units created: %1.</source>
        <translation>Perangkat daerah baru yang dibuat: %1.</translation>
    </message>
    <message>
        <source>Entries imported</source>
        <translation>Inovasi berhasil diimpor</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Impor dibatalkan</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>Impor dibatalkan; tidak ada data yang diimpor.</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Tidak ada data yang diimpor</translation>
    </message>
    <message>
        <source>entry-import-template-%1.xlsx</source>
        <translation>templat-impor-inovasi-%1.xlsx</translation>
    </message>
    <message>
        <source>Import template saved</source>
        <translation>Templat impor telah disimpan</translation>
    </message>
    <message>
        <source>The import template was saved as %1. Fill in one entry per row on its first sheet, then choose Import from spreadsheet…</source>
        <translation>Templat impor telah disimpan sebagai %1. Isi satu inovasi per baris pada lembar pertamanya, lalu pilih Impor dari lembar kerja…</translation>
    </message>
    <message>
        <source>Cannot save the import template</source>
        <translation>Templat impor tidak dapat disimpan</translation>
    </message>
    <message>
        <source>Saving the import template…</source>
        <translation>Menyimpan templat impor…</translation>
    </message>
</context>
<context>
    <name>EntryImportDialogs</name>
    <message>
        <source>Import entries from a spreadsheet</source>
        <translation>Impor inovasi dari lembar kerja</translation>
    </message>
    <message>
        <source>Spreadsheets (%1)</source>
        <translation>Lembar kerja (%1)</translation>
    </message>
    <message>
        <source>All files (%1)</source>
        <translation>Semua berkas (%1)</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>Simpan templat impor</translation>
    </message>
    <message>
        <source>Excel workbooks (%1)</source>
        <translation>Buku kerja Excel (%1)</translation>
    </message>
</context>
<context>
    <name>EntryLabels</name>
    <message>
        <source>Registered</source>
        <translation>Terdaftar</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Memenuhi syarat</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>Didiskualifikasi</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Mengundurkan diri</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>Inisiatif</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>Uji coba</translation>
    </message>
    <message>
        <source>Implementation</source>
        <translation>Penerapan</translation>
    </message>
    <message>
        <source>Digital</source>
        <translation>Digital</translation>
    </message>
    <message>
        <source>Non-digital</source>
        <translation>Non-digital</translation>
    </message>
</context>
<context>
    <name>EntryPanel</name>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Tahapan</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Perangkat daerah</translation>
    </message>
    <message>
        <source>Innovators</source>
        <translation>Inovator</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>No summary.</source>
        <translation>Tidak ada ringkasan.</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Tautan</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Bukti dukung</translation>
    </message>
</context>
<context>
    <name>EntryProgressModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Seharusnya</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Belum ada</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Blocking results</source>
        <translation>Menghambat hasil</translation>
    </message>
    <message>
        <source>No judges assigned</source>
        <translation>Belum ada juri yang ditugaskan</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Lengkap</translation>
    </message>
    <message>
        <source>Incomplete (allowed)</source>
        <translation>Belum lengkap (diizinkan)</translation>
    </message>
</context>
<context>
    <name>FairnessPage</name>
    <message>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <source>Not enough common entries (%1 scored by the same judges)</source>
        <translation>Inovasi yang dinilai oleh juri yang sama tidak cukup (hanya %1)</translation>
    </message>
    <message>
        <source>Kendall&apos;s W</source>
        <translation>W Kendall</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>t/a</translation>
    </message>
    <message>
        <source>Round and c&amp;ategory:</source>
        <translation>Tahap dan k&amp;ategori:</translation>
    </message>
    <message>
        <source>Judges: totals given and severity</source>
        <translation>Juri: nilai total yang diberikan dan keketatan</translation>
    </message>
    <message>
        <source>Agreement per category</source>
        <translation>Kesepakatan per kategori</translation>
    </message>
    <message>
        <source>ICC(2,1): how reliable one judge&apos;s total is; ICC(2,k): how reliable the panel&apos;s mean is; Kendall&apos;s W: how far the judges agree on the order.</source>
        <translation>ICC(2,1): seberapa andal nilai total dari satu juri; ICC(2,k): seberapa andal rata-rata dewan juri; W Kendall: seberapa jauh para juri sepakat tentang urutan.</translation>
    </message>
    <message>
        <source>Dots: the totals of each sheet; box: the middle half; thick line: median; ●: mean. Severity: the judge&apos;s mean difference from the other judges on the same entries (blue, below 0 = harsher; orange = more lenient).</source>
        <translation>Titik: nilai total setiap lembar penilaian; kotak: separuh bagian tengah; garis tebal: median; ●: rata-rata. Keketatan: rata-rata selisih nilai juri dari juri lain pada inovasi yang sama (biru, di bawah 0 = lebih ketat; oranye = lebih longgar).</translation>
    </message>
    <message>
        <source>Outlier sheets: %1</source>
        <translation>Lembar penilaian pencilan: %1</translation>
    </message>
    <message>
        <source>Agreement from %1 entries scored by the same judges (%2). An outlier differs from the other judges&apos; mean by more than %3 points.</source>
        <translation>Kesepakatan dihitung dari %1 inovasi yang dinilai oleh juri yang sama (%2). Lembar pencilan berselisih lebih dari %3 poin dari rata-rata juri lain.</translation>
    </message>
</context>
<context>
    <name>FolderPreviewDialog</name>
    <message>
        <source>Attach a folder</source>
        <translation>Lampirkan folder</translation>
    </message>
    <message>
        <source>more than one entry: %1</source>
        <translation>lebih dari satu inovasi: %1</translation>
    </message>
    <message>
        <source>no entry</source>
        <translation>tidak ada inovasi</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>%1 file(s) for %2 entries; %3 match no entry; %4 could belong to more than one entry.</source>
        <translation>%1 berkas untuk %2 inovasi; %3 tidak cocok dengan inovasi mana pun; %4 dapat milik lebih dari satu inovasi.</translation>
    </message>
    <message>
        <source>From each file&apos;s name (proposal or evidence)</source>
        <translation>Dari nama setiap berkas (proposal atau bukti dukung)</translation>
    </message>
    <message>
        <source>Every round</source>
        <translation>Semua tahap</translation>
    </message>
    <message>
        <source>A file an entry already has under the same name &amp;replaces it</source>
        <translation>Berkas yang namanya sudah dimiliki suatu inovasi &amp;menggantikan berkas lama</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>&amp;Round:</source>
        <translation>&amp;Tahap:</translation>
    </message>
    <message>
        <source>Attach %1 file(s)</source>
        <translation>Lampirkan %1 berkas</translation>
    </message>
    <message>
        <source>The folder was not attached</source>
        <translation>Folder tidak dilampirkan</translation>
    </message>
    <message>
        <source>Attached %1 file(s) (%2 MB stored); %3 were already attached.</source>
        <translation>%1 berkas dilampirkan (%2 MB disimpan); %3 sudah terlampir sebelumnya.</translation>
    </message>
    <message>
        <source>Folder attached</source>
        <translation>Folder dilampirkan</translation>
    </message>
    <message>
        <source>Checking and attaching the files…</source>
        <translation>Memeriksa dan melampirkan berkas…</translation>
    </message>
</context>
<context>
    <name>ForwardTab</name>
    <message>
        <source>From the competition:</source>
        <translation>Dari kompetisi:</translation>
    </message>
    <message>
        <source>Into the competition:</source>
        <translation>Ke kompetisi:</translation>
    </message>
    <message>
        <source>Code of the new competition:</source>
        <translation>Kode kompetisi baru:</translation>
    </message>
    <message>
        <source>Category there:</source>
        <translation>Kategori di sana:</translation>
    </message>
    <message>
        <source>Its level:</source>
        <translation>Tingkatnya:</translation>
    </message>
    <message>
        <source>Entries:</source>
        <translation>Peserta:</translation>
    </message>
    <message>
        <source>&amp;Forward the ticked entries</source>
        <translation>&amp;Teruskan peserta yang dicentang</translation>
    </message>
    <message>
        <source>A new competition from the template %1</source>
        <translation>Kompetisi baru dari templat %1</translation>
    </message>
    <message>
        <source>the same category (or the only one)</source>
        <translation>kategori yang sama (atau satu-satunya)</translation>
    </message>
    <message>
        <source>Tick the entries to forward.</source>
        <translation>Centang peserta yang akan diteruskan.</translation>
    </message>
    <message>
        <source>Cannot forward the entries</source>
        <translation>Peserta tidak dapat diteruskan</translation>
    </message>
    <message>
        <source>%1 entries forwarded from %2 to %3.</source>
        <translation>%1 peserta diteruskan dari %2 ke %3.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Judge&apos;s guide</source>
        <translation>Panduan juri</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Panduan pengguna</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Government unit:</source>
        <translation>Perangkat daerah:</translation>
    </message>
    <message>
        <source>Year / innovation</source>
        <translation>Tahun / inovasi</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>Kompetisi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Penghargaan</translation>
    </message>
    <message>
        <source>Innovation</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>The register has no units yet.</source>
        <translation>Register belum memuat perangkat daerah.</translation>
    </message>
    <message>
        <source>named %1 from %2</source>
        <translation>bernama %1 sejak %2</translation>
    </message>
    <message>
        <source>merged into %1 on %2</source>
        <translation>digabung ke %1 pada %2</translation>
    </message>
    <message>
        <source>ended on %1</source>
        <translation>berakhir pada %1</translation>
    </message>
    <message>
        <source>%1 (%2) merged into it on %3; its history is shown here</source>
        <translation>%1 (%2) digabung ke dalamnya pada %3; riwayatnya ditampilkan di sini</translation>
    </message>
    <message>
        <source>%1 — not listed on its own</source>
        <translation>%1 — tidak tercantum tersendiri</translation>
    </message>
    <message>
        <source>%1 — %2 registered, %3 entered, %4 eligible, %5 awarded</source>
        <translation>%1 — %2 terdaftar, %3 peserta, %4 memenuhi syarat, %5 meraih penghargaan</translation>
    </message>
    <message>
        <source>no innovation this year</source>
        <translation>belum ada inovasi tahun ini</translation>
    </message>
    <message>
        <source>; replicated by %1</source>
        <translation>; direplikasi oleh %1</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Pemantauan</translation>
    </message>
    <message>
        <source>Replicated %1 (of %2)</source>
        <translation>Mereplikasi %1 (milik %2)</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>%1 — your entries</source>
        <translation>%1 — inovasi yang Anda nilai</translation>
    </message>
    <message>
        <source>%1 · judge: %2 (%3)</source>
        <translation>%1 · juri: %2 (%3)</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Petunjuk</translation>
    </message>
    <message>
        <source>&amp;Open the sheet</source>
        <translation>Buka lembar pe&amp;nilaian</translation>
    </message>
    <message>
        <source>E&amp;xport return file…</source>
        <translation>E&amp;kspor berkas kembalian…</translation>
    </message>
    <message>
        <source>Your work is saved as you type, in %1. When you have finished, export the return file and send it to the secretariat.</source>
        <translation>Pekerjaan Anda tersimpan otomatis saat Anda mengetik, di %1. Setelah selesai, ekspor berkas kembalian dan kirimkan kepada sekretariat.</translation>
    </message>
    <message>
        <source>Your scores are saved in the secretariat&apos;s database as you type them.</source>
        <translation>Nilai Anda langsung tersimpan di basis data sekretariat saat Anda mengetiknya.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Tampilkan:</translation>
    </message>
    <message>
        <source>%1 of %2 submitted · %3 in draft · %4 not started</source>
        <translation>%1 dari %2 terkirim · %3 draf · %4 belum dimulai</translation>
    </message>
    <message>
        <source>To do (%1)</source>
        <translation>Belum selesai (%1)</translation>
    </message>
    <message>
        <source>Drafts (%1)</source>
        <translation>Draf (%1)</translation>
    </message>
    <message>
        <source>Submitted (%1)</source>
        <translation>Terkirim (%1)</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>Semua (%1)</translation>
    </message>
    <message>
        <source>Nothing left to do: every sheet is submitted. Thank you!</source>
        <translation>Tidak ada lagi yang perlu dikerjakan: semua lembar nilai sudah terkirim. Terima kasih!</translation>
    </message>
    <message>
        <source>No sheet in draft.</source>
        <translation>Tidak ada lembar nilai berstatus draf.</translation>
    </message>
    <message>
        <source>No sheet submitted yet.</source>
        <translation>Belum ada lembar nilai yang terkirim.</translation>
    </message>
    <message>
        <source>No entry is assigned to you in this round.</source>
        <translation>Tidak ada inovasi yang ditugaskan kepada Anda pada tahap ini.</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Who is judging?</source>
        <translation>Siapa yang menilai?</translation>
    </message>
    <message>
        <source>Choose the competition, the round and your own name. You will see only the entries assigned to you, and only your own scores.</source>
        <translation>Pilih kompetisi, tahap, dan nama Anda sendiri. Anda hanya akan melihat inovasi yang ditugaskan kepada Anda dan hanya nilai Anda sendiri.</translation>
    </message>
    <message>
        <source>&amp;Competition:</source>
        <translation>&amp;Kompetisi:</translation>
    </message>
    <message>
        <source>&amp;Round:</source>
        <translation>&amp;Tahap:</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>&amp;Nama Anda:</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import entries from a spreadsheet</source>
        <translation>Impor inovasi dari lembar kerja</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Berkas:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Lembar:</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Baris judul kolom:</translation>
    </message>
    <message>
        <source>Entries to import:</source>
        <translation>Inovasi yang akan diimpor:</translation>
    </message>
    <message>
        <source>Code it gets</source>
        <translation>Kode yang diberikan</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Jumlah baris</translation>
    </message>
    <message>
        <source>Name in the file</source>
        <translation>Nama dalam berkas</translation>
    </message>
    <message>
        <source>Looks like the registered unit</source>
        <translation>Mirip perangkat daerah terdaftar</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Impor</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>Periksa &amp;ulang</translation>
    </message>
    <message>
        <source>row %1 (%2 columns recognised)</source>
        <translation>baris %1 (%2 kolom dikenali)</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>tidak ditemukan</translation>
    </message>
    <message>
        <source>New government units (%1)</source>
        <translation>Perangkat daerah baru (%1)</translation>
    </message>
    <message>
        <source>%1 (first on row %2)</source>
        <translation>%1 (pertama pada baris %2)</translation>
    </message>
    <message numerus="yes">
        <source>Create these %n new unit(s)</source>
        <translation>
            <numerusform>Buat %n perangkat daerah baru ini</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems found: %1 (the first %2 are listed). Nothing can be imported until the file is corrected.</source>
        <translation>Ditemukan %1 masalah (%2 yang pertama ditampilkan). Tidak ada yang dapat diimpor sebelum berkasnya diperbaiki.</translation>
    </message>
    <message>
        <source>Problems found: %1. Nothing can be imported until the file is corrected.</source>
        <translation>Ditemukan %1 masalah. Tidak ada yang dapat diimpor sebelum berkasnya diperbaiki.</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Memeriksa berkas…</translation>
    </message>
    <message>
        <source>Correct the problems in the spreadsheet, save it, then press Check again.</source>
        <translation>Perbaiki masalah tersebut pada lembar kerja, simpan, lalu tekan Periksa ulang.</translation>
    </message>
    <message>
        <source>The file holds no entries to import.</source>
        <translation>Berkas ini tidak memuat inovasi untuk diimpor.</translation>
    </message>
    <message>
        <source>Tick the box to create the new units, or correct the unit names in the file (a typo would create a unit that should not exist).</source>
        <translation>Centang kotak untuk membuat perangkat daerah baru, atau perbaiki nama perangkat daerah di berkas (salah ketik akan membuat perangkat daerah yang seharusnya tidak ada).</translation>
    </message>
    <message>
        <source>Nothing is written until you press Import.</source>
        <translation>Tidak ada data yang disimpan sebelum Anda menekan Impor.</translation>
    </message>
</context>
<context>
    <name>ImportProblemsModel</name>
    <message>
        <source>Sheet</source>
        <translation>Lembar</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Judul kolom</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
</context>
<context>
    <name>InnovationsTab</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Innovation</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>Government unit</source>
        <translation>Perangkat daerah</translation>
    </message>
    <message>
        <source>First year</source>
        <translation>Tahun pertama</translation>
    </message>
    <message>
        <source>Years entered</source>
        <translation>Tahun menjadi peserta</translation>
    </message>
    <message>
        <source>Latest status</source>
        <translation>Status terakhir</translation>
    </message>
    <message>
        <source>Search innovations, units, codes…</source>
        <translation>Cari inovasi, perangkat daerah, kode…</translation>
    </message>
    <message>
        <source>Record &amp;status…</source>
        <translation>Catat &amp;status…</translation>
    </message>
    <message>
        <source>&amp;Register an innovation…</source>
        <translation>&amp;Daftarkan inovasi…</translation>
    </message>
    <message>
        <source>Publish the &amp;catalogue…</source>
        <translation>Terbitkan &amp;katalog…</translation>
    </message>
    <message>
        <source>Status of %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Replicated that year by</source>
        <translation>Direplikasi pada tahun itu oleh</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Cannot record the status</source>
        <translation>Status tidak dapat dicatat</translation>
    </message>
    <message>
        <source>Register an innovation</source>
        <translation>Daftarkan inovasi</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>Cannot register the innovation</source>
        <translation>Inovasi tidak dapat didaftarkan</translation>
    </message>
    <message>
        <source>Publish the catalogue</source>
        <translation>Terbitkan katalog</translation>
    </message>
    <message>
        <source>Innovations of</source>
        <translation>Inovasi tahun</translation>
    </message>
    <message>
        <source>every year</source>
        <translation>semua tahun</translation>
    </message>
    <message>
        <source>Include innovators and contacts (personal data)</source>
        <translation>Sertakan inovator dan kontak (data pribadi)</translation>
    </message>
    <message>
        <source>Folder for the catalogue (empty, or an earlier catalogue)</source>
        <translation>Folder untuk katalog (kosong, atau folder katalog sebelumnya)</translation>
    </message>
    <message>
        <source>Writing the catalogue…</source>
        <translation>Menulis katalog…</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>%1 innovations published in %2. Open index.html in a browser.</source>
        <translation>%1 inovasi diterbitkan di %2. Buka index.html dengan peramban.</translation>
    </message>
    <message>
        <source>Cannot write the catalogue</source>
        <translation>Katalog tidak dapat ditulis</translation>
    </message>
</context>
<context>
    <name>JudgeDialogs</name>
    <message>
        <source>Submit the sheet</source>
        <translation>Kirim lembar penilaian</translation>
    </message>
    <message>
        <source>Submit your sheet for %1?</source>
        <translation>Kirim lembar penilaian Anda untuk %1?</translation>
    </message>
    <message>
        <source>After submitting you cannot change it any more; only the secretariat can reopen it.</source>
        <translation>Setelah dikirim, lembar penilaian tidak dapat diubah lagi; hanya sekretariat yang dapat membukanya kembali.</translation>
    </message>
    <message>
        <source>Declare a conflict of interest</source>
        <translation>Nyatakan konflik kepentingan</translation>
    </message>
    <message>
        <source>To declare a conflict of interest with %1, tell the secretariat (with the reason) and do not score this entry. The secretariat records the declaration and takes the entry off your list.</source>
        <translation>Untuk menyatakan konflik kepentingan dengan %1, sampaikan kepada sekretariat (beserta alasannya) dan jangan menilai inovasi ini. Sekretariat akan mencatat pernyataan tersebut dan mengeluarkan inovasi ini dari daftar Anda.</translation>
    </message>
    <message>
        <source>Export return file</source>
        <translation>Ekspor berkas kembalian</translation>
    </message>
    <message>
        <source>Judge returns (%1)</source>
        <translation>Berkas kembalian juri (%1)</translation>
    </message>
</context>
<context>
    <name>JudgeEntriesModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>Dinilai</translation>
    </message>
    <message>
        <source>Your total</source>
        <translation>Nilai total Anda</translation>
    </message>
</context>
<context>
    <name>JudgeFormDialog</name>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Kode:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Affiliation:</source>
        <translation>&amp;Instansi:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Perangkat daerah:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Surel:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telepon:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>P&amp;eran:</translation>
    </message>
    <message>
        <source>Acti&amp;ve:</source>
        <translation>Akti&amp;f:</translation>
    </message>
    <message>
        <source>(no government unit)</source>
        <translation>(bukan dari perangkat daerah)</translation>
    </message>
    <message>
        <source>Takes part in this competition</source>
        <translation>Ikut serta dalam kompetisi ini</translation>
    </message>
    <message>
        <source>A judge who works in a government unit never scores that unit&apos;s entries (automatic conflict of interest).</source>
        <translation>Juri yang bekerja di suatu perangkat daerah tidak pernah menilai inovasi dari perangkat daerah tersebut (konflik kepentingan otomatis).</translation>
    </message>
    <message>
        <source>Enter the judge&apos;s code (for example J06).</source>
        <translation>Isi kode juri (misalnya J06).</translation>
    </message>
    <message>
        <source>Another judge already has this code.</source>
        <translation>Kode ini sudah dipakai juri lain.</translation>
    </message>
    <message>
        <source>Enter the judge&apos;s name.</source>
        <translation>Isi nama juri.</translation>
    </message>
    <message>
        <source>The e-mail address needs an @.</source>
        <translation>Alamat surel harus memuat @.</translation>
    </message>
</context>
<context>
    <name>JudgeLabels</name>
    <message>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Ketua dewan juri</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Otomatis</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>Dinyatakan</translation>
    </message>
    <message>
        <source>Same unit</source>
        <translation>Perangkat daerah yang sama</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Pribadi</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Same unit: the judge works in %1, which submitted this entry.</source>
        <translation>Perangkat daerah yang sama: juri bekerja di %1, yang mengajukan inovasi ini.</translation>
    </message>
</context>
<context>
    <name>JudgeLaunch</name>
    <message>
        <source>Cannot open the judge package</source>
        <translation>Paket juri tidak dapat dibuka</translation>
    </message>
    <message>
        <source>The judge package %1 could not be opened.</source>
        <translation>Paket juri %1 tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>Ask the secretariat for a new copy if the file is damaged.</source>
        <translation>Jika berkas rusak, mintalah salinan baru kepada sekretariat.</translation>
    </message>
    <message>
        <source>Earlier work kept aside</source>
        <translation>Pekerjaan sebelumnya disimpan terpisah</translation>
    </message>
    <message>
        <source>The work file of this package belonged to another package or was damaged. It was kept as %1; scoring starts from this package.</source>
        <translation>Berkas kerja paket ini berasal dari paket lain atau rusak. Berkas tersebut disimpan sebagai %1; penilaian dimulai dari paket ini.</translation>
    </message>
    <message>
        <source>If it holds scores you have not sent yet, send that file to the secretariat too.</source>
        <translation>Jika berkas itu memuat nilai yang belum Anda kirim, kirimkan juga berkas tersebut kepada sekretariat.</translation>
    </message>
    <message>
        <source>Nothing to judge</source>
        <translation>Tidak ada yang perlu dinilai</translation>
    </message>
    <message>
        <source>No competition in this database is open for judging.</source>
        <translation>Tidak ada kompetisi dalam basis data ini yang sedang dalam tahap penilaian.</translation>
    </message>
    <message>
        <source>The secretariat opens judging once the entries are screened and assigned.</source>
        <translation>Sekretariat membuka penilaian setelah inovasi diseleksi dan ditugaskan kepada juri.</translation>
    </message>
    <message>
        <source>Cannot start judge mode</source>
        <translation>Mode juri tidak dapat dimulai</translation>
    </message>
</context>
<context>
    <name>JudgeLoadModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Beban</translation>
    </message>
    <message>
        <source>New load</source>
        <translation>Beban baru</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (tidak aktif)</translation>
    </message>
    <message>
        <source>%1 %2 (%3) — drag onto entries to assign</source>
        <translation>%1 %2 (%3) — seret ke inovasi untuk menugaskan</translation>
    </message>
    <message>
        <source>Entries in this round: %1 · with a sheet already: %2</source>
        <translation>Inovasi pada tahap ini: %1 · sudah ada lembar penilaian: %2</translation>
    </message>
    <message>
        <source>%1 now, %2 added by the preview, %3 after applying it</source>
        <translation>%1 saat ini, %2 ditambahkan oleh pratinjau, %3 setelah diterapkan</translation>
    </message>
</context>
<context>
    <name>JudgeModeLabels</name>
    <message>
        <source>Not started</source>
        <translation>Belum dimulai</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Terkirim</translation>
    </message>
</context>
<context>
    <name>JudgePlot</name>
    <message>
        <source>Totals given (0–100)</source>
        <translation>Nilai total yang diberikan (0–100)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Keketatan</translation>
    </message>
    <message>
        <source>Total score</source>
        <translation>Nilai total</translation>
    </message>
    <message>
        <source>Points; below 0 = harsher</source>
        <translation>Poin; di bawah 0 = lebih ketat</translation>
    </message>
</context>
<context>
    <name>JudgeProgressModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Ditugaskan</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Belum dimulai</translation>
    </message>
    <message>
        <source>Submitted share</source>
        <translation>Persentase terkirim</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (tidak aktif)</translation>
    </message>
</context>
<context>
    <name>JudgeTableModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Perangkat daerah</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>%1 (unit code %2): entries of this unit are conflicts of interest for this judge</source>
        <translation>%1 (kode perangkat daerah %2): inovasi dari perangkat daerah ini merupakan konflik kepentingan bagi juri ini</translation>
    </message>
</context>
<context>
    <name>JudgeWindow</name>
    <message>
        <source>%1 — judge mode — %2</source>
        <translation>%1 — mode juri — %2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Export return file…</source>
        <translation>&amp;Ekspor berkas kembalian…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Batalkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>&amp;Sheet</source>
        <translation>&amp;Lembar</translation>
    </message>
    <message>
        <source>&amp;All entries</source>
        <translation>&amp;Semua inovasi</translation>
    </message>
    <message>
        <source>&amp;Previous entry</source>
        <translation>Inovasi se&amp;belumnya</translation>
    </message>
    <message>
        <source>&amp;Next entry</source>
        <translation>Inovasi be&amp;rikutnya</translation>
    </message>
    <message>
        <source>Su&amp;bmit sheet…</source>
        <translation>&amp;Kirim lembar penilaian…</translation>
    </message>
    <message>
        <source>Declare a &amp;conflict of interest…</source>
        <translation>Nyatakan kon&amp;flik kepentingan…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
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
        <source>&amp;Judge&apos;s guide</source>
        <translation>Panduan &amp;juri</translation>
    </message>
    <message>
        <source>%1 (work saved in %2)</source>
        <translation>%1 (pekerjaan disimpan di %2)</translation>
    </message>
    <message>
        <source>Package: %1</source>
        <translation>Paket juri: %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Basis data: %1</translation>
    </message>
    <message>
        <source>NOT SAVED: see the message</source>
        <translation>BELUM TERSIMPAN: lihat pesan</translation>
    </message>
    <message>
        <source>All changes saved (%1)</source>
        <translation>Semua perubahan tersimpan (%1)</translation>
    </message>
    <message>
        <source>Cannot read your entries</source>
        <translation>Daftar inovasi Anda tidak dapat dibaca</translation>
    </message>
    <message>
        <source>%1 submitted. Every sheet is submitted: thank you!</source>
        <translation>%1 terkirim. Semua lembar nilai sudah terkirim: terima kasih!</translation>
    </message>
    <message>
        <source>%1 submitted. Next to do: %2.</source>
        <translation>%1 terkirim. Berikutnya: %2.</translation>
    </message>
    <message>
        <source>Conflict of interest declared: %1 is no longer on your list.</source>
        <translation>Konflik kepentingan telah dinyatakan: %1 tidak lagi ada dalam daftar Anda.</translation>
    </message>
    <message>
        <source>Cannot undo or redo</source>
        <translation>Tidak dapat membatalkan atau mengulangi</translation>
    </message>
    <message>
        <source>The sheet shows what is saved now.</source>
        <translation>Lembar penilaian kini menampilkan isi yang tersimpan.</translation>
    </message>
    <message>
        <source>The return file was not written</source>
        <translation>Berkas kembalian tidak dapat ditulis</translation>
    </message>
    <message>
        <source>Return file written</source>
        <translation>Berkas kembalian telah ditulis</translation>
    </message>
    <message>
        <source>%1 was written (%2 of %3 sheets submitted). Send this file to the secretariat.</source>
        <translation>%1 telah ditulis (%2 dari %3 lembar penilaian terkirim). Kirimkan berkas ini kepada sekretariat.</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>hilang</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>diubah</translation>
    </message>
    <message>
        <source>Documents damaged in this package</source>
        <translation>Dokumen rusak dalam paket ini</translation>
    </message>
    <message>
        <source>These documents were changed or lost after the secretariat exported the package, so they are not shown:
%1

Ask the secretariat for a new copy of the package (your scores stay in your work file).</source>
        <translation>Dokumen berikut diubah atau hilang setelah sekretariat mengekspor paket, sehingga tidak ditampilkan:
%1

Mintalah salinan paket yang baru kepada sekretariat (nilai Anda tetap tersimpan di berkas kerja).</translation>
    </message>
</context>
<context>
    <name>JudgesView</name>
    <message>
        <source>&amp;Add judge…</source>
        <translation>&amp;Tambah juri…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ubah…</translation>
    </message>
    <message>
        <source>&amp;Declare conflict…</source>
        <translation>&amp;Nyatakan konflik…</translation>
    </message>
    <message>
        <source>&amp;Withdraw conflict</source>
        <translation>&amp;Cabut konflik</translation>
    </message>
    <message>
        <source>No judges yet</source>
        <translation>Belum ada juri</translation>
    </message>
    <message>
        <source>Enrol the panel: each judge with their unit (a judge never scores the entries of their own unit) and one chair, who decides ties at the plenary.</source>
        <translation>Daftarkan dewan juri: setiap juri beserta perangkat daerahnya (juri tidak pernah menilai inovasi dari perangkat daerahnya sendiri) dan satu ketua, yang memutuskan nilai sama di sidang pleno.</translation>
    </message>
    <message>
        <source>Add judge…</source>
        <translation>Tambah juri…</translation>
    </message>
    <message>
        <source>Judges: %1 · active: %2 · chairs: %3</source>
        <translation>Juri: %1 · aktif: %2 · ketua: %3</translation>
    </message>
    <message>
        <source>Ac&amp;tivate</source>
        <translation>&amp;Aktifkan</translation>
    </message>
    <message>
        <source>Deac&amp;tivate</source>
        <translation>N&amp;onaktifkan</translation>
    </message>
    <message>
        <source>Conflicts of interest</source>
        <translation>Konflik kepentingan</translation>
    </message>
    <message>
        <source>Select a judge to see their conflicts of interest.</source>
        <translation>Pilih seorang juri untuk melihat konflik kepentingannya.</translation>
    </message>
    <message>
        <source>Conflicts of interest of %1 %2</source>
        <translation>Konflik kepentingan %1 %2</translation>
    </message>
    <message>
        <source>No conflicts of interest: this judge may score every entry.</source>
        <translation>Tidak ada konflik kepentingan: juri ini boleh menilai semua inovasi.</translation>
    </message>
    <message>
        <source>This judge never scores these entries. Automatic conflicts follow the units (change a unit to change them); declared ones can be withdrawn.</source>
        <translation>Juri ini tidak pernah menilai inovasi berikut. Konflik otomatis mengikuti perangkat daerah (ubah perangkat daerah untuk mengubahnya); konflik yang dinyatakan dapat dicabut.</translation>
    </message>
    <message>
        <source>Automatic conflicts follow the units: change the judge&apos;s or the entry&apos;s unit.</source>
        <translation>Konflik otomatis mengikuti perangkat daerah: ubah perangkat daerah juri atau inovasi.</translation>
    </message>
    <message>
        <source>Cannot save the judge</source>
        <translation>Data juri tidak dapat disimpan</translation>
    </message>
    <message>
        <source>Add judge</source>
        <translation>Tambah juri</translation>
    </message>
    <message>
        <source>Edit judge %1</source>
        <translation>Ubah juri %1</translation>
    </message>
    <message>
        <source>Deactivate judge</source>
        <translation>Nonaktifkan juri</translation>
    </message>
    <message>
        <source>Deactivate %1 %2?</source>
        <translation>Nonaktifkan %1 %2?</translation>
    </message>
    <message>
        <source>An inactive judge gets no new assignments. Existing assignments and sheets stay; remove assignments in the Assignments view if needed.</source>
        <translation>Juri nonaktif tidak mendapat penugasan baru. Penugasan dan lembar penilaian yang sudah ada tetap tersimpan; lepas penugasannya di tampilan Penugasan bila perlu.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <source>Cannot change the judge</source>
        <translation>Data juri tidak dapat diubah</translation>
    </message>
    <message>
        <source>Cannot declare the conflict of interest</source>
        <translation>Konflik kepentingan tidak dapat dinyatakan</translation>
    </message>
    <message>
        <source>Withdraw conflict of interest</source>
        <translation>Cabut konflik kepentingan</translation>
    </message>
    <message>
        <source>Withdraw the declared conflict between %1 and %2?</source>
        <translation>Cabut konflik kepentingan yang dinyatakan antara %1 dan %2?</translation>
    </message>
    <message>
        <source>%1 may then be assigned to %2 again (unless they share a unit).</source>
        <translation>Setelah itu %1 dapat ditugaskan lagi pada %2 (kecuali berasal dari perangkat daerah yang sama).</translation>
    </message>
    <message>
        <source>Withdraw the conflict</source>
        <translation>Cabut konflik</translation>
    </message>
    <message>
        <source>Cannot withdraw the conflict of interest</source>
        <translation>Konflik kepentingan tidak dapat dicabut</translation>
    </message>
</context>
<context>
    <name>LevelsModel</name>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Uraian</translation>
    </message>
    <message>
        <source>In English</source>
        <translation>Dalam bahasa Inggris</translation>
    </message>
</context>
<context>
    <name>LimitsDialog</name>
    <message>
        <source>Document limits</source>
        <translation>Batas dokumen</translation>
    </message>
    <message>
        <source>In use now: %1 MB (each content counted once).</source>
        <translation>Terpakai saat ini: %1 MB (setiap isi dihitung sekali).</translation>
    </message>
    <message>
        <source>Largest &amp;file:</source>
        <translation>&amp;Berkas terbesar:</translation>
    </message>
    <message>
        <source>All documents of the &amp;competition:</source>
        <translation>Seluruh dokumen &amp;kompetisi:</translation>
    </message>
    <message>
        <source>The limits were not changed</source>
        <translation>Batas tidak diubah</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Add a link to %1</source>
        <translation>Tambah tautan untuk %1</translation>
    </message>
    <message>
        <source>e.g. Profile video</source>
        <translation>mis. Video profil</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Judul:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Alamat:</translation>
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
        <source>Connect to a database &amp;server…</source>
        <translation>Sambungkan ke &amp;server basis data…</translation>
    </message>
    <message>
        <source>&amp;Judge mode (score on this database)…</source>
        <translation>Mode &amp;juri (menilai di basis data ini)…</translation>
    </message>
    <message>
        <source>Open a &amp;judge package…</source>
        <translation>Buka &amp;paket juri…</translation>
    </message>
    <message>
        <source>Open the &amp;default database</source>
        <translation>Buka basis data &amp;bawaan</translation>
    </message>
    <message>
        <source>Try with &amp;demo data</source>
        <translation>Coba dengan data &amp;contoh</translation>
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
        <source>&amp;People and roles…</source>
        <translation>&amp;Orang dan peran…</translation>
    </message>
    <message>
        <source>P&amp;rotect this database with sign-in…</source>
        <translation>&amp;Lindungi basis data ini dengan login…</translation>
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
        <source>&amp;Programme</source>
        <translation>&amp;Program</translation>
    </message>
    <message>
        <source>&amp;Yearly programme across competitions…</source>
        <translation>Program &amp;tahunan lintas kompetisi…</translation>
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
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Cannot create the competition</source>
        <translation>Kompetisi tidak dapat dibuat</translation>
    </message>
    <message>
        <source>The competition was not created.</source>
        <translation>Kompetisi tidak dibuat.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versi %1</translation>
    </message>
    <message>
        <source>Judging public-service innovation competitions: entries, judges, weighted criteria, exact rankings and award lists.</source>
        <translation>Penjurian kompetisi inovasi pelayanan publik: inovasi peserta, juri, kriteria berbobot, peringkat yang tepat, dan daftar pemenang.</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Tentang %1</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2) · verified</source>
        <translation>Masuk: %1 (%2) · terverifikasi</translation>
    </message>
    <message>
        <source>Working as: (not set)</source>
        <translation>Petugas: (belum diisi)</translation>
    </message>
    <message>
        <source>Working as: %1 · name not verified</source>
        <translation>Petugas: %1 · nama tidak terverifikasi</translation>
    </message>
    <message>
        <source>secretariat</source>
        <translation>sekretariat</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>ketua dewan juri</translation>
    </message>
    <message>
        <source>judge</source>
        <translation>juri</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>pengamat</translation>
    </message>
    <message>
        <source>Protect this database</source>
        <translation>Lindungi basis data ini</translation>
    </message>
    <message>
        <source>From now on everyone signs in with a login and a password, and only the roles you give them may change anything. Continue?</source>
        <translation>Mulai sekarang setiap orang masuk dengan login dan kata sandi, dan hanya peran yang Anda berikan yang dapat mengubah sesuatu. Lanjutkan?</translation>
    </message>
    <message>
        <source>Competitions</source>
        <translation>Kompetisi</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Contoh</translation>
    </message>
    <message>
        <source>Judge mode</source>
        <translation>Mode juri</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Panduan</translation>
    </message>
    <message>
        <source>The demo was not built</source>
        <translation>Kompetisi contoh tidak dibuat</translation>
    </message>
    <message>
        <source>Building the demo competition…</source>
        <translation>Membuat kompetisi contoh…</translation>
    </message>
</context>
<context>
    <name>MatchesTab</name>
    <message>
        <source>Competition</source>
        <translation>Kompetisi</translation>
    </message>
    <message>
        <source>Unit in the competition</source>
        <translation>Perangkat daerah dalam kompetisi</translation>
    </message>
    <message>
        <source>Proposed register unit</source>
        <translation>Usulan perangkat daerah register</translation>
    </message>
    <message>
        <source>none similar</source>
        <translation>tidak ada yang mirip</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>May continue</source>
        <translation>Mungkin melanjutkan</translation>
    </message>
    <message>
        <source>Units of competitions not surely in the register</source>
        <translation>Perangkat daerah kompetisi yang belum pasti ada dalam register</translation>
    </message>
    <message>
        <source>Entries that may continue an earlier innovation</source>
        <translation>Peserta yang mungkin melanjutkan inovasi sebelumnya</translation>
    </message>
    <message>
        <source>&amp;Confirm the proposal</source>
        <translation>&amp;Konfirmasi usulan</translation>
    </message>
    <message>
        <source>Link to &amp;another unit…</source>
        <translation>Hubungkan ke perangkat daerah &amp;lain…</translation>
    </message>
    <message>
        <source>&amp;Add to the register</source>
        <translation>&amp;Tambahkan ke register</translation>
    </message>
    <message>
        <source>Re&amp;ject the proposal</source>
        <translation>&amp;Tolak usulan</translation>
    </message>
    <message>
        <source>Con&amp;tinues it</source>
        <translation>&amp;Melanjutkannya</translation>
    </message>
    <message>
        <source>&amp;Develops it</source>
        <translation>Men&amp;gembangkannya</translation>
    </message>
    <message>
        <source>A &amp;new innovation</source>
        <translation>Inovasi &amp;baru</translation>
    </message>
    <message>
        <source>Cannot confirm the match</source>
        <translation>Padanan tidak dapat dikonfirmasi</translation>
    </message>
    <message>
        <source>Link %1 to</source>
        <translation>Hubungkan %1 ke</translation>
    </message>
    <message>
        <source>Register unit</source>
        <translation>Perangkat daerah register</translation>
    </message>
    <message>
        <source>Cannot link the unit</source>
        <translation>Perangkat daerah tidak dapat dihubungkan</translation>
    </message>
    <message>
        <source>Cannot add the unit to the register</source>
        <translation>Perangkat daerah tidak dapat ditambahkan ke register</translation>
    </message>
    <message>
        <source>Cannot reject the match</source>
        <translation>Padanan tidak dapat ditolak</translation>
    </message>
    <message>
        <source>Cannot make a new innovation</source>
        <translation>Inovasi baru tidak dapat dibuat</translation>
    </message>
</context>
<context>
    <name>MismatchModel</name>
    <message>
        <source>Field</source>
        <translation>Isian</translation>
    </message>
    <message>
        <source>First entry</source>
        <translation>Input pertama</translation>
    </message>
    <message>
        <source>Second entry</source>
        <translation>Input kedua</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>Nilai: %1</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Komentar: %1</translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation>Komentar umum</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(kosong)</translation>
    </message>
</context>
<context>
    <name>MissingProposalsDialog</name>
    <message>
        <source>Entries without a proposal</source>
        <translation>Inovasi tanpa proposal</translation>
    </message>
    <message>
        <source>Any round</source>
        <translation>Tahap mana pun</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Government unit</source>
        <translation>Perangkat daerah</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Other documents</source>
        <translation>Dokumen lain</translation>
    </message>
    <message>
        <source>&amp;Round:</source>
        <translation>&amp;Tahap:</translation>
    </message>
    <message>
        <source>%1 of %2 entries have no proposal.</source>
        <translation>%1 dari %2 inovasi belum memiliki proposal.</translation>
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
    <message>
        <source>Give the competition a name.</source>
        <translation>Beri nama kompetisi.</translation>
    </message>
    <message>
        <source>Replace “…” in the name with your city or region, e.g. “Kompetisi Inovasi Pelayanan Publik Kota Madiun”.</source>
        <translation>Ganti “…” pada nama dengan nama kota atau daerah Anda, misalnya “Kompetisi Inovasi Pelayanan Publik Kota Madiun”.</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Not set</source>
        <translation>Belum diisi</translation>
    </message>
    <message>
        <source>No start date</source>
        <translation>Tanpa tanggal mulai</translation>
    </message>
</context>
<context>
    <name>OutlierModel</name>
    <message>
        <source>Entry</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Others&apos; mean</source>
        <translation>Rata-rata juri lain</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Setup</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Seleksi administrasi</translation>
    </message>
    <message>
        <source>Judging</source>
        <translation>Penilaian</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>Final (disahkan)</translation>
    </message>
    <message>
        <source>Check the setup</source>
        <translation>Periksa pengaturan</translation>
    </message>
    <message>
        <source>Open registration…</source>
        <translation>Buka pendaftaran…</translation>
    </message>
    <message>
        <source>Add or import entries</source>
        <translation>Tambah atau impor inovasi</translation>
    </message>
    <message>
        <source>Screen entries</source>
        <translation>Seleksi inovasi</translation>
    </message>
    <message>
        <source>Enrol judges</source>
        <translation>Daftarkan juri</translation>
    </message>
    <message>
        <source>Assign judges</source>
        <translation>Tugaskan juri</translation>
    </message>
    <message>
        <source>Start judging…</source>
        <translation>Mulai penilaian…</translation>
    </message>
    <message>
        <source>Packages and score sheets for judges</source>
        <translation>Paket dan lembar nilai untuk juri</translation>
    </message>
    <message>
        <source>Follow the progress</source>
        <translation>Pantau kemajuan</translation>
    </message>
    <message>
        <source>Take entries on to the next round</source>
        <translation>Loloskan inovasi ke tahap berikutnya</translation>
    </message>
    <message>
        <source>Decide the ties</source>
        <translation>Putuskan nilai sama</translation>
    </message>
    <message>
        <source>Finalize the results</source>
        <translation>Tetapkan hasil</translation>
    </message>
    <message>
        <source>See the results</source>
        <translation>Lihat hasil</translation>
    </message>
    <message>
        <source>Export the winners list and minutes</source>
        <translation>Ekspor daftar pemenang dan berita acara</translation>
    </message>
    <message>
        <source>Check the categories, rounds, criteria and award tiers, then open registration so entries can be added.</source>
        <translation>Periksa kategori, tahap, kriteria, dan kategori penghargaan, lalu buka pendaftaran agar inovasi dapat ditambahkan.</translation>
    </message>
    <message>
        <source>Registration is open. Add the innovations one by one or import them from a spreadsheet.</source>
        <translation>Pendaftaran dibuka. Tambahkan inovasi satu per satu atau impor dari lembar kerja.</translation>
    </message>
    <message>
        <source>%1 entries wait for the administrative screening: mark each eligible or disqualified (with a reason).</source>
        <translation>%1 inovasi menunggu seleksi administrasi: tandai masing-masing memenuhi syarat atau didiskualifikasi (dengan alasan).</translation>
    </message>
    <message>
        <source>Every entry is screened. Enrol the judges (and the chair) with their units, so conflicts of interest are found automatically.</source>
        <translation>Semua inovasi sudah diseleksi. Daftarkan juri (dan ketua dewan juri) beserta perangkat daerahnya, agar konflik kepentingan ditemukan otomatis.</translation>
    </message>
    <message>
        <source>Assign judges to the entries of the round: automatic assignment balances the loads and never gives a judge an entry of their own unit.</source>
        <translation>Tugaskan juri pada inovasi tahap ini: penugasan otomatis menyeimbangkan beban dan tidak pernah memberi juri inovasi dari perangkat daerahnya sendiri.</translation>
    </message>
    <message>
        <source>Everything is ready. Start judging: judges can then score the entries assigned to them.</source>
        <translation>Semua siap. Mulai penilaian: juri kemudian dapat menilai inovasi yang ditugaskan kepadanya.</translation>
    </message>
    <message>
        <source>No sheet has been started yet. Judges score in judge mode on this database, or on their own laptops with a judge package, an Excel workbook or paper sheets.</source>
        <translation>Belum ada lembar nilai yang dimulai. Juri menilai dalam mode juri pada basis data ini, atau di laptop masing-masing dengan paket juri, buku kerja Excel, atau lembar kertas.</translation>
    </message>
    <message>
        <source>Judging is under way: %1 of %2 sheets submitted. Remind the judges whose sheets are missing.</source>
        <translation>Penilaian sedang berjalan: %1 dari %2 lembar nilai terkirim. Ingatkan juri yang lembar nilainya belum masuk.</translation>
    </message>
    <message>
        <source>Every sheet of this round is in. Take the best entries on to the next round, then assign its judges.</source>
        <translation>Semua lembar nilai tahap ini sudah masuk. Loloskan inovasi terbaik ke tahap berikutnya, lalu tugaskan jurinya.</translation>
    </message>
    <message>
        <source>Every sheet is in. %1 ties on an award boundary wait for the chair&apos;s decision (with a reason) before the results can be finalized.</source>
        <translation>Semua lembar nilai sudah masuk. %1 nilai sama pada batas penghargaan menunggu keputusan ketua dewan juri (dengan alasan) sebelum hasil dapat disahkan.</translation>
    </message>
    <message>
        <source>Nothing blocks the results any more. Look at the winners, then finalize: the results are frozen with a digest for the minutes.</source>
        <translation>Tidak ada lagi yang menghambat hasil. Periksa pemenang, lalu tetapkan hasil: hasil dibekukan dengan sidik (digest) untuk berita acara.</translation>
    </message>
    <message>
        <source>The results are final. Export the winners list, the minutes and the results workbook for the mayor&apos;s decree.</source>
        <translation>Hasil sudah final. Ekspor daftar pemenang, berita acara, dan buku kerja hasil untuk Keputusan Wali Kota.</translation>
    </message>
    <message>
        <source>Every sheet is in. Look at the results while the ties and missing sheets are being checked.</source>
        <translation>Semua lembar nilai sudah masuk. Lihat hasil sementara nilai sama dan lembar yang kurang sedang diperiksa.</translation>
    </message>
    <message>
        <source>Reading the competition…</source>
        <translation>Membaca kompetisi…</translation>
    </message>
    <message>
        <source>Cannot read the competition</source>
        <translation>Kompetisi tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Computing the results…</source>
        <translation>Menghitung hasil…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Status: %1 · code %2</source>
        <translation>Status: %1 · kode %2</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>%1 eligible · %2 waiting for screening · %3 out</source>
        <translation>%1 memenuhi syarat · %2 menunggu seleksi · %3 gugur</translation>
    </message>
    <message>
        <source>chairs: %1</source>
        <translation>ketua: %1</translation>
    </message>
    <message>
        <source>no chair yet</source>
        <translation>belum ada ketua</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>Juri</translation>
    </message>
    <message>
        <source>%1 · %2 assignments</source>
        <translation>%1 · %2 penugasan</translation>
    </message>
    <message>
        <source>Score sheets</source>
        <translation>Lembar nilai</translation>
    </message>
    <message>
        <source>The setup has no scored round.</source>
        <translation>Pengaturan belum memiliki tahap penilaian.</translation>
    </message>
    <message>
        <source>Score sheets submitted</source>
        <translation>Lembar nilai terkirim</translation>
    </message>
    <message>
        <source>%1 (round %2 of %3) · %4 in draft</source>
        <translation>%1 (tahap %2 dari %3) · %4 draf</translation>
    </message>
    <message>
        <source>Blocking ties</source>
        <translation>Nilai sama yang menghambat</translation>
    </message>
    <message>
        <source>Once judging has started.</source>
        <translation>Setelah penilaian dimulai.</translation>
    </message>
    <message>
        <source>%1 entries missing sheets · %2 sheets not submitted</source>
        <translation>%1 inovasi kurang lembar nilai · %2 lembar belum terkirim</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Langkah berikutnya</translation>
    </message>
</context>
<context>
    <name>PaperDialogs</name>
    <message>
        <source>Discard first entry</source>
        <translation>Batalkan input pertama</translation>
    </message>
    <message>
        <source>Why is the first entry discarded? (recorded in the audit trail)</source>
        <translation>Mengapa input pertama dibatalkan? (dicatat dalam jejak audit)</translation>
    </message>
</context>
<context>
    <name>PaperEntryDialog</name>
    <message>
        <source>%1 (awaiting confirmation)</source>
        <translation>%1 (menunggu konfirmasi)</translation>
    </message>
    <message>
        <source>%1: type a score on the scale (%2).</source>
        <translation>%1: ketik nilai sesuai skala (%2).</translation>
    </message>
    <message>
        <source>The paper sheet was not saved</source>
        <translation>Lembar penilaian kertas tidak disimpan</translation>
    </message>
    <message>
        <source>Sheet %1 confirmed and submitted: it now counts.</source>
        <translation>Lembar %1 telah dikonfirmasi dan terkirim: nilainya kini berlaku.</translation>
    </message>
    <message>
        <source>First entry of %1 saved; it counts once another person types it again.</source>
        <translation>Input pertama %1 disimpan; nilainya berlaku setelah petugas lain mengetik ulang.</translation>
    </message>
    <message>
        <source>The first entry was not discarded</source>
        <translation>Input pertama tidak dibatalkan</translation>
    </message>
    <message>
        <source>First entry discarded. What you typed is kept: save it as a new first entry, to be confirmed by someone else.</source>
        <translation>Input pertama dibatalkan. Isian yang Anda ketik tetap ada: simpan sebagai input pertama yang baru, untuk dikonfirmasi oleh petugas lain.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 sampai %2</translation>
    </message>
    <message>
        <source>Paper sheets</source>
        <translation>Lembar penilaian kertas</translation>
    </message>
    <message>
        <source>Paper score sheets — %1</source>
        <translation>Lembar penilaian kertas — %1</translation>
    </message>
    <message>
        <source>Working as: %1</source>
        <translation>Petugas: %1</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(belum diisi)</translation>
    </message>
    <message>
        <source>Change &amp;who is working…</source>
        <translation>Ganti &amp;petugas…</translation>
    </message>
    <message>
        <source>&amp;Judge:</source>
        <translation>&amp;Juri:</translation>
    </message>
    <message>
        <source>&amp;Entry:</source>
        <translation>&amp;Inovasi:</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Skala</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <source>%1 (weight %2%)</source>
        <translation>%1 (bobot %2%)</translation>
    </message>
    <message>
        <source>%1 to %2, step %3</source>
        <translation>%1 sampai %2, kelipatan %3</translation>
    </message>
    <message>
        <source>Comment, if the judge wrote one</source>
        <translation>Komentar, bila juri menuliskannya</translation>
    </message>
    <message>
        <source>&amp;Overall comment:</source>
        <translation>Komentar &amp;umum:</translation>
    </message>
    <message>
        <source>The two entries differ</source>
        <translation>Kedua input berbeda</translation>
    </message>
    <message>
        <source>Fields that differ: %1. Nothing was saved. Check the paper sheet, correct what you typed and confirm again; if the first entry is wrong, discard it.</source>
        <translation>Isian yang berbeda: %1. Tidak ada yang disimpan. Periksa lembar kertasnya, perbaiki ketikan Anda, lalu konfirmasi kembali; bila input pertama yang keliru, batalkan input pertama tersebut.</translation>
    </message>
    <message>
        <source>&amp;Discard first entry…</source>
        <translation>&amp;Batalkan input pertama…</translation>
    </message>
    <message>
        <source>&amp;Confirm sheet</source>
        <translation>&amp;Konfirmasi lembar</translation>
    </message>
    <message>
        <source>&amp;Replace first entry</source>
        <translation>&amp;Ganti input pertama</translation>
    </message>
    <message>
        <source>&amp;Save first entry</source>
        <translation>&amp;Simpan input pertama</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>No sheet of this round awaits a paper entry: every assigned judge has submitted, or nobody is assigned yet.</source>
        <translation>Tidak ada lembar penilaian pada tahap ini yang menunggu input dari kertas: semua juri yang ditugaskan sudah mengirim, atau belum ada penugasan.</translation>
    </message>
    <message>
        <source>First entry: type the paper sheet exactly as the judge wrote it. It counts only after a second person types it again.</source>
        <translation>Input pertama: ketik lembar penilaian kertas persis seperti yang ditulis juri. Nilainya baru berlaku setelah petugas kedua mengetik ulang lembar tersebut.</translation>
    </message>
    <message>
        <source>Second entry: type the sheet again without looking at the first entry (typed by %1). It counts when both agree.</source>
        <translation>Input kedua: ketik ulang lembar ini tanpa melihat input pertama (diketik oleh %1). Nilainya berlaku bila kedua input sama.</translation>
    </message>
    <message>
        <source>You typed the first entry of this sheet. A different person must type it again to confirm it; you may only type it again to replace your first entry.</source>
        <translation>Anda yang mengetik input pertama lembar ini. Petugas lain harus mengetik ulang untuk mengonfirmasinya; Anda hanya dapat mengetik ulang untuk mengganti input pertama Anda.</translation>
    </message>
    <message>
        <source>The judge has a draft of this sheet in the app; the confirmed paper sheet replaces it.</source>
        <translation>Juri memiliki draf lembar ini di aplikasi; lembar kertas yang telah dikonfirmasi akan menggantikannya.</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <source>Secretariat</source>
        <translation>Sekretariat</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Ketua dewan juri</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>Pengamat</translation>
    </message>
    <message>
        <source>People and roles</source>
        <translation>Orang dan peran</translation>
    </message>
    <message>
        <source>Who may sign in to this database and what each may do. Changes are recorded in the audit trail under your name.</source>
        <translation>Siapa yang dapat masuk ke basis data ini dan apa yang boleh dilakukan masing-masing. Perubahan dicatat dalam jejak audit atas nama Anda.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Scores as judge</source>
        <translation>Menilai sebagai juri</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Add a person…</source>
        <translation>&amp;Tambah orang…</translation>
    </message>
    <message>
        <source>&amp;Roles and judges…</source>
        <translation>&amp;Peran dan juri…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Atur ulang &amp;kata sandi…</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Aktifkan</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Nonaktifkan</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Tidak diubah</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Roles and judges</source>
        <translation>Peran dan juri</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Tambah orang</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Nama lengkap:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>NI&amp;P:</source>
        <translation>NI&amp;P:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Peran:</translation>
    </message>
    <message>
        <source>&amp;Scores as judge:</source>
        <translation>&amp;Menilai sebagai juri:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>Make one up (shown once)</source>
        <translation>Buatkan (ditampilkan sekali)</translation>
    </message>
    <message>
        <source>optional, 18 digits</source>
        <translation>opsional, 18 angka</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>minimal %1 karakter</translation>
    </message>
    <message>
        <source>A judge scores only the judge rows ticked here. The secretariat manages people; the chair decides ties; an observer only reads.</source>
        <translation>Seorang juri hanya menilai sebagai juri yang dicentang di sini. Sekretariat mengelola orang; ketua dewan juri memutuskan nilai sama; pengamat hanya membaca.</translation>
    </message>
</context>
<context>
    <name>ProgrammeLabels</name>
    <message>
        <source>continued</source>
        <translation>berlanjut</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>berhenti</translation>
    </message>
    <message>
        <source>city</source>
        <translation>kota</translation>
    </message>
    <message>
        <source>provincial</source>
        <translation>provinsi</translation>
    </message>
    <message>
        <source>national</source>
        <translation>nasional</translation>
    </message>
    <message>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <source>continues</source>
        <translation>melanjutkan</translation>
    </message>
    <message>
        <source>develops</source>
        <translation>mengembangkan</translation>
    </message>
    <message>
        <source>forwarded</source>
        <translation>diteruskan</translation>
    </message>
</context>
<context>
    <name>ProgrammeWindow</name>
    <message>
        <source>Yearly programme — one unit, one innovation</source>
        <translation>Program tahunan — satu perangkat daerah, satu inovasi</translation>
    </message>
    <message>
        <source>&amp;Compliance</source>
        <translation>&amp;Kepatuhan</translation>
    </message>
    <message>
        <source>Unit &amp;history</source>
        <translation>&amp;Riwayat perangkat daerah</translation>
    </message>
    <message>
        <source>&amp;Innovations</source>
        <translation>&amp;Inovasi</translation>
    </message>
    <message>
        <source>&amp;Register of units</source>
        <translation>Re&amp;gister perangkat daerah</translation>
    </message>
    <message>
        <source>&amp;Matches to confirm</source>
        <translation>&amp;Padanan untuk dikonfirmasi</translation>
    </message>
    <message>
        <source>&amp;Forwarding</source>
        <translation>Pe&amp;neruskan</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Counting the score sheets…</source>
        <translation>Menghitung lembar penilaian…</translation>
    </message>
    <message>
        <source>Cannot count the score sheets</source>
        <translation>Lembar penilaian tidak dapat dihitung</translation>
    </message>
    <message>
        <source>No score sheets are expected in this round yet</source>
        <translation>Belum ada lembar nilai yang diharapkan pada tahap ini</translation>
    </message>
    <message>
        <source>Sheets are expected once judges are assigned to the eligible entries of the round.</source>
        <translation>Lembar nilai diharapkan setelah juri ditugaskan pada inovasi yang memenuhi syarat di tahap ini.</translation>
    </message>
    <message>
        <source>Go to Assignments</source>
        <translation>Ke Penugasan</translation>
    </message>
    <message>
        <source>&amp;Paper sheets…</source>
        <translation>&amp;Lembar penilaian kertas…</translation>
    </message>
    <message>
        <source>&amp;Round:</source>
        <translation>&amp;Tahap:</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>Juri</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>Only entries &amp;blocking results</source>
        <translation>Hanya inovasi yang &amp;menghambat hasil</translation>
    </message>
    <message>
        <source>Find code or title</source>
        <translation>Cari kode atau judul</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>Ditampilkan: %1 dari %2</translation>
    </message>
    <message>
        <source>No entry matches “%1”.</source>
        <translation>Tidak ada inovasi yang cocok dengan “%1”.</translation>
    </message>
    <message>
        <source>No entry blocks the results.</source>
        <translation>Tidak ada inovasi yang menghambat penetapan hasil.</translation>
    </message>
    <message>
        <source>No entries take part in this round yet.</source>
        <translation>Belum ada inovasi yang mengikuti tahap ini.</translation>
    </message>
    <message>
        <source>Sheets submitted: %1 of %2 (%3%); in draft: %4; not started: %5.</source>
        <translation>Lembar penilaian terkirim: %1 dari %2 (%3%); draf: %4; belum dimulai: %5.</translation>
    </message>
    <message>
        <source>The rules allow incomplete entries: none blocks the results.</source>
        <translation>Aturan mengizinkan inovasi yang belum lengkap: tidak ada yang menghambat hasil.</translation>
    </message>
    <message>
        <source>Entries blocking results: %1.</source>
        <translation>Inovasi yang menghambat hasil: %1.</translation>
    </message>
    <message>
        <source>Entries without judges: %1.</source>
        <translation>Inovasi tanpa juri: %1.</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Penghargaan</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Perangkat daerah</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Lembar</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Tie on an award boundary: the chair decides</source>
        <translation>Nilai sama pada batas penghargaan: diputuskan ketua dewan juri</translation>
    </message>
    <message>
        <source>Tied</source>
        <translation>Nilai sama</translation>
    </message>
    <message>
        <source>decided by the criterion “%1”</source>
        <translation>ditentukan oleh kriteria “%1”</translation>
    </message>
    <message>
        <source>decided by: %1</source>
        <translation>ditentukan oleh: %1</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Belum lengkap</translation>
    </message>
    <message>
        <source>mean used (too few sheets to trim)</source>
        <translation>memakai rata-rata biasa (lembar penilaian terlalu sedikit untuk dipangkas)</translation>
    </message>
    <message>
        <source>Exact score: %1</source>
        <translation>Nilai eksak: %1</translation>
    </message>
    <message>
        <source>Score to 40 decimals: %1</source>
        <translation>Nilai hingga 40 desimal: %1</translation>
    </message>
</context>
<context>
    <name>RankingPage</name>
    <message>
        <source>No entry in this category matches “%1”.</source>
        <translation>Tidak ada inovasi dalam kategori ini yang cocok dengan “%1”.</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategori:</translation>
    </message>
    <message>
        <source>F&amp;ind:</source>
        <translation>&amp;Cari:</translation>
    </message>
    <message>
        <source>Code or title</source>
        <translation>Kode atau judul</translation>
    </message>
    <message>
        <source>tied</source>
        <translation>nilai sama</translation>
    </message>
    <message>
        <source>tie on an award boundary</source>
        <translation>nilai sama pada batas penghargaan</translation>
    </message>
    <message>
        <source>equal score, separated by a tie-break</source>
        <translation>nilai sama, dibedakan oleh penentuan peringkat</translation>
    </message>
    <message>
        <source>All entries (overall ranking)</source>
        <translation>Semua inovasi (peringkat keseluruhan)</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Required: recorded with the decision</source>
        <translation>Wajib diisi: dicatat bersama keputusan</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Earlier names</source>
        <translation>Nama sebelumnya</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Berakhir</translation>
    </message>
    <message>
        <source>&amp;Import the city&apos;s list…</source>
        <translation>&amp;Impor daftar kota…</translation>
    </message>
    <message>
        <source>&amp;Add a unit…</source>
        <translation>&amp;Tambah perangkat daerah…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Ganti nama…</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>Ga&amp;bung ke…</translation>
    </message>
    <message>
        <source>E&amp;nd…</source>
        <translation>Akhir&amp;i…</translation>
    </message>
    <message>
        <source>&amp;Give a competition these units…</source>
        <translation>&amp;Berikan perangkat daerah ini ke kompetisi…</translation>
    </message>
    <message>
        <source>merged into %1 on %2</source>
        <translation>digabung ke %1 pada %2</translation>
    </message>
    <message>
        <source>ended on %1</source>
        <translation>berakhir pada %1</translation>
    </message>
    <message>
        <source>The city&apos;s list of government units</source>
        <translation>Daftar perangkat daerah kota</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv)</source>
        <translation>Lembar kerja (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <source>Import the list</source>
        <translation>Impor daftar</translation>
    </message>
    <message>
        <source>New names take effect on</source>
        <translation>Nama baru berlaku sejak</translation>
    </message>
    <message>
        <source>Cannot import the list</source>
        <translation>Daftar tidak dapat diimpor</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register perangkat daerah</translation>
    </message>
    <message>
        <source>%1 units added, %2 renamed, %3 unchanged.</source>
        <translation>%1 perangkat daerah ditambahkan, %2 diganti nama, %3 tetap.</translation>
    </message>
    <message>
        <source>Add a unit to the register</source>
        <translation>Tambah perangkat daerah ke register</translation>
    </message>
    <message>
        <source>Type (dinas, badan, kecamatan, …)</source>
        <translation>Jenis (dinas, badan, kecamatan, …)</translation>
    </message>
    <message>
        <source>Cannot add the unit</source>
        <translation>Perangkat daerah tidak dapat ditambahkan</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>Ganti nama %1</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nama baru</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Sejak</translation>
    </message>
    <message>
        <source>Cannot rename the unit</source>
        <translation>Perangkat daerah tidak dapat diganti nama</translation>
    </message>
    <message>
        <source>Merge %1 into another unit</source>
        <translation>Gabungkan %1 ke perangkat daerah lain</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Digabung ke</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Pada tanggal</translation>
    </message>
    <message>
        <source>Cannot merge the unit</source>
        <translation>Perangkat daerah tidak dapat digabung</translation>
    </message>
    <message>
        <source>End %1 (dissolved)</source>
        <translation>Akhiri %1 (dibubarkan)</translation>
    </message>
    <message>
        <source>Cannot end the unit</source>
        <translation>Perangkat daerah tidak dapat diakhiri</translation>
    </message>
    <message>
        <source>Give a competition the register&apos;s units</source>
        <translation>Berikan perangkat daerah register ke kompetisi</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>Kompetisi</translation>
    </message>
    <message>
        <source>Cannot add the units</source>
        <translation>Perangkat daerah tidak dapat ditambahkan</translation>
    </message>
    <message>
        <source>%1 units added to %2, linked to the register.</source>
        <translation>%1 perangkat daerah ditambahkan ke %2, terhubung ke register.</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Document &amp;language:</source>
        <translation>&amp;Bahasa dokumen:</translation>
    </message>
    <message>
        <source>&amp;Round:</source>
        <translation>&amp;Tahap:</translation>
    </message>
    <message>
        <source>Letterhead and signatures…</source>
        <translation>Kop surat dan tanda tangan…</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Judging</source>
        <translation>Penilaian</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Judges without the app</source>
        <translation>Juri tanpa aplikasi</translation>
    </message>
    <message>
        <source>Results workbook (Excel)…</source>
        <translation>Buku kerja hasil (Excel)…</translation>
    </message>
    <message>
        <source>Minutes of evaluation (PDF)…</source>
        <translation>Berita acara penilaian (PDF)…</translation>
    </message>
    <message>
        <source>Winners list (PDF)…</source>
        <translation>Daftar pemenang (PDF)…</translation>
    </message>
    <message>
        <source>Blank score sheets (PDF)…</source>
        <translation>Lembar penilaian kosong (PDF)…</translation>
    </message>
    <message>
        <source>Judge packages…</source>
        <translation>Paket juri…</translation>
    </message>
    <message>
        <source>Import judges&apos; return files…</source>
        <translation>Impor berkas kembalian juri…</translation>
    </message>
    <message>
        <source>Excel score sheets…</source>
        <translation>Lembar penilaian Excel…</translation>
    </message>
    <message>
        <source>Import filled Excel score sheets…</source>
        <translation>Impor lembar penilaian Excel yang sudah diisi…</translation>
    </message>
    <message>
        <source>Competition file…</source>
        <translation>Berkas kompetisi…</translation>
    </message>
    <message>
        <source>The award list per category, the score recap of every judge, the fairness evidence and the rules, for the mayor&apos;s decree and the plenary.</source>
        <translation>Daftar pemenang per kategori, rekapitulasi nilai setiap juri, bukti keadilan penilaian, dan ketentuan penilaian, untuk Keputusan Wali Kota dan sidang pleno.</translation>
    </message>
    <message>
        <source>For judges on their own laptops: one signed package per judge; their return files come back here. Blank sheets for paper judging.</source>
        <translation>Untuk juri yang menilai di laptop sendiri: satu paket bertanda tangan per juri; berkas kembaliannya diimpor di sini. Lembar kosong untuk penilaian di atas kertas.</translation>
    </message>
    <message>
        <source>For judges without the app: one protected Excel workbook per judge, imported back whole or not at all.</source>
        <translation>Untuk juri tanpa aplikasi: satu buku kerja Excel terlindungi per juri, diimpor kembali seluruhnya atau tidak sama sekali.</translation>
    </message>
    <message>
        <source>The competition&apos;s setup as a file, to reuse next year or share with another city.</source>
        <translation>Pengaturan kompetisi sebagai berkas, untuk dipakai lagi tahun depan atau dibagikan ke kota lain.</translation>
    </message>
    <message>
        <source>The settings were not saved</source>
        <translation>Pengaturan tidak disimpan</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Folder for the Excel score sheets</source>
        <translation>Folder untuk lembar penilaian Excel</translation>
    </message>
    <message>
        <source>%1 Excel score sheets written to %2. Send each to its judge only.</source>
        <translation>%1 lembar penilaian Excel ditulis ke %2. Kirimkan masing-masing hanya kepada jurinya.</translation>
    </message>
    <message>
        <source>Folder for the judge packages</source>
        <translation>Folder untuk paket juri</translation>
    </message>
    <message>
        <source>%1 judge packages written to %2. Each holds its judge&apos;s signing key: send it to that judge only.</source>
        <translation>%1 paket juri ditulis ke %2. Setiap paket memuat kunci tanda tangan jurinya: kirimkan hanya kepada juri tersebut.</translation>
    </message>
    <message>
        <source>Save the results workbook</source>
        <translation>Simpan buku kerja hasil</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the minutes</source>
        <translation>Simpan berita acara</translation>
    </message>
    <message>
        <source>Save the winners list</source>
        <translation>Simpan daftar pemenang</translation>
    </message>
    <message>
        <source>Save the blank score sheets</source>
        <translation>Simpan lembar penilaian kosong</translation>
    </message>
    <message>
        <source>Save the competition file</source>
        <translation>Simpan berkas kompetisi</translation>
    </message>
    <message>
        <source>Competition files (*.json)</source>
        <translation>Berkas kompetisi (*.json)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Tersimpan: %1</translation>
    </message>
    <message>
        <source>%1 ties on an award boundary wait for the chair&apos;s decision.</source>
        <translation>%1 nilai sama pada batas penghargaan menunggu keputusan ketua dewan juri.</translation>
    </message>
    <message>
        <source>%1 entries are not ranked: score sheets are missing.</source>
        <translation>%1 inovasi belum diperingkat: lembar nilainya belum lengkap.</translation>
    </message>
    <message>
        <source>%1 score sheets are not submitted yet.</source>
        <translation>%1 lembar nilai belum terkirim.</translation>
    </message>
    <message>
        <source>Nothing is undecided any more: finalize the results (Results view) to make the documents final.</source>
        <translation>Tidak ada lagi yang belum diputuskan: tetapkan hasil (tampilan Hasil) agar dokumen menjadi final.</translation>
    </message>
    <message>
        <source>The results are not final</source>
        <translation>Hasil belum final</translation>
    </message>
    <message>
        <source>The results are not finalized yet: this document is a DRAFT (it says DRAF on every page) and may still change.</source>
        <translation>Hasil belum ditetapkan: dokumen ini masih DRAF (tertulis DRAF di setiap halaman) dan masih dapat berubah.</translation>
    </message>
    <message>
        <source>Export the &amp;draft</source>
        <translation>Ekspor &amp;draf</translation>
    </message>
    <message>
        <source>Checking what is still undecided…</source>
        <translation>Memeriksa apa yang belum diputuskan…</translation>
    </message>
    <message>
        <source>Judges&apos; return files</source>
        <translation>Berkas kembalian juri</translation>
    </message>
    <message>
        <source>Return files (*.jret *.json);;All files (*)</source>
        <translation>Berkas kembalian (*.jret *.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Filled Excel score sheets</source>
        <translation>Lembar penilaian Excel yang sudah diisi</translation>
    </message>
    <message>
        <source>%1: %2 entries, %3 documents, %4 MB</source>
        <translation>%1: %2 inovasi, %3 dokumen, %4 MB</translation>
    </message>
    <message>
        <source>%1 judge packages, %2 MB in all; %3 MB free in the folder.</source>
        <translation>%1 paket juri, seluruhnya %2 MB; ruang kosong di folder %3 MB.</translation>
    </message>
    <message>
        <source>Export the judge packages</source>
        <translation>Ekspor paket juri</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Sedang diproses…</translation>
    </message>
    <message>
        <source>The export failed</source>
        <translation>Ekspor gagal</translation>
    </message>
</context>
<context>
    <name>ResultsActions</name>
    <message>
        <source>The results are final.</source>
        <translation>Hasil sudah final.</translation>
    </message>
    <message>
        <source>Deciding ties and finalizing use all rounds with the competition&apos;s method; choose them to act.</source>
        <translation>Keputusan atas nilai sama dan penetapan hasil memakai semua tahap dengan metode kompetisi; pilih keduanya untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Not ready to finalize. Ties on an award boundary waiting for the chair&apos;s decision: %1.</source>
        <translation>Hasil belum dapat ditetapkan. Nilai sama pada batas penghargaan yang menunggu keputusan ketua dewan juri: %1.</translation>
    </message>
    <message>
        <source>Not ready to finalize. Entries missing score sheets (see Progress): %1.</source>
        <translation>Hasil belum dapat ditetapkan. Inovasi yang kekurangan lembar penilaian (lihat Kemajuan): %1.</translation>
    </message>
    <message>
        <source>Only a competition in judging can be finalized.</source>
        <translation>Hanya kompetisi yang sedang dalam penilaian yang dapat ditetapkan hasilnya.</translation>
    </message>
    <message>
        <source>Nothing blocks finalizing.</source>
        <translation>Tidak ada yang menghambat penetapan hasil.</translation>
    </message>
    <message>
        <source>&amp;Finalize…</source>
        <translation>Teta&amp;pkan hasil…</translation>
    </message>
    <message>
        <source>&amp;Advance to the next round…</source>
        <translation>L&amp;anjut ke tahap berikutnya…</translation>
    </message>
    <message>
        <source>Chair: %1</source>
        <translation>Ketua dewan juri: %1</translation>
    </message>
    <message>
        <source>Recording the decision…</source>
        <translation>Mencatat keputusan…</translation>
    </message>
    <message>
        <source>Cannot record the decision</source>
        <translation>Keputusan tidak dapat dicatat</translation>
    </message>
    <message>
        <source>Finalize the results</source>
        <translation>Tetapkan hasil</translation>
    </message>
    <message>
        <source>Finalize the results of %1?</source>
        <translation>Tetapkan hasil %1?</translation>
    </message>
    <message>
        <source>A snapshot of the results (all rounds, method: %1) is stored with its digest, and the competition becomes final: nothing in it can be changed afterwards.</source>
        <translation>Rekaman hasil (semua tahap, metode: %1) akan disimpan beserta digest-nya, dan kompetisi menjadi final: setelah itu tidak ada data yang dapat diubah.</translation>
    </message>
    <message>
        <source>&amp;Finalize</source>
        <translation>&amp;Tetapkan</translation>
    </message>
    <message>
        <source>Finalizing the results…</source>
        <translation>Menetapkan hasil…</translation>
    </message>
    <message>
        <source>Cannot finalize the results</source>
        <translation>Hasil tidak dapat ditetapkan</translation>
    </message>
    <message>
        <source>Advance to the next round</source>
        <translation>Lanjut ke tahap berikutnya</translation>
    </message>
    <message>
        <source>%1 entries go on to the next round by the rule of this round.</source>
        <translation>%1 inovasi lanjut ke tahap berikutnya menurut aturan tahap ini.</translation>
    </message>
    <message>
        <source>&amp;Advance</source>
        <translation>&amp;Lanjutkan</translation>
    </message>
    <message>
        <source>Taking entries on…</source>
        <translation>Melanjutkan inovasi…</translation>
    </message>
    <message>
        <source>Cannot take entries on</source>
        <translation>Inovasi tidak dapat dilanjutkan ke tahap berikutnya</translation>
    </message>
    <message>
        <source>Computing who goes on…</source>
        <translation>Menghitung inovasi yang lolos…</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Mean</source>
        <translation>Rata-rata</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Trimmed mean</source>
        <translation>Rata-rata terpangkas</translation>
    </message>
    <message>
        <source>Standardized</source>
        <translation>Distandardisasi</translation>
    </message>
    <message>
        <source>criterion %1</source>
        <translation>kriteria %1</translation>
    </message>
    <message>
        <source>criteria by weight</source>
        <translation>kriteria menurut bobot</translation>
    </message>
    <message>
        <source>later round</source>
        <translation>tahap yang lebih akhir</translation>
    </message>
    <message>
        <source>first places</source>
        <translation>peringkat pertama terbanyak</translation>
    </message>
    <message>
        <source>chair&apos;s decision</source>
        <translation>keputusan ketua dewan juri</translation>
    </message>
    <message>
        <source>mean of the judges&apos; totals</source>
        <translation>rata-rata nilai total para juri</translation>
    </message>
    <message>
        <source>median of the judges&apos; totals</source>
        <translation>median nilai total para juri</translation>
    </message>
    <message>
        <source>mean without the highest and the lowest total</source>
        <translation>rata-rata tanpa nilai total tertinggi dan terendah</translation>
    </message>
    <message>
        <source>mean of per-judge standardized totals</source>
        <translation>rata-rata nilai total yang distandardisasi per juri</translation>
    </message>
    <message>
        <source>Σ round weight × round score / 100</source>
        <translation>Σ bobot tahap × nilai tahap / 100</translation>
    </message>
    <message>
        <source>round %1 alone</source>
        <translation>hanya tahap %1</translation>
    </message>
    <message>
        <source>Total of a sheet = Σ weight × score / max (weights in percent, 0–100); across judges: %1; across rounds: %2.</source>
        <translation>Nilai total satu lembar penilaian = Σ bobot × nilai / maks (bobot dalam persen, 0–100); antarjuri: %1; antartahap: %2.</translation>
    </message>
    <message>
        <source>Scores are shown with two decimals, rounded half up; ranks use the exact values.</source>
        <translation>Nilai ditampilkan dengan dua desimal, dibulatkan setengah ke atas; peringkat memakai nilai eksak.</translation>
    </message>
    <message>
        <source>The last round has not started, so the weighted final score cannot be computed yet; showing %1 alone.</source>
        <translation>Tahap terakhir belum dimulai sehingga nilai akhir berbobot belum dapat dihitung; yang ditampilkan hanya %1.</translation>
    </message>
    <message>
        <source>Incomplete entries not ranked (missing sheets): %1. The rules may allow incomplete entries.</source>
        <translation>Inovasi belum lengkap yang tidak diberi peringkat (lembar penilaian kurang): %1. Aturan dapat mengizinkan inovasi yang belum lengkap.</translation>
    </message>
    <message>
        <source>Entries without a score in at least one round: %1; if incomplete entries are ranked, that round counts as 0.</source>
        <translation>Inovasi tanpa nilai pada sedikitnya satu tahap: %1; bila inovasi yang belum lengkap diberi peringkat, tahap tersebut dihitung 0.</translation>
    </message>
    <message>
        <source>%1: the trimmed mean needs at least %2 sheets; the plain mean is used for %3 entries with fewer sheets.</source>
        <translation>%1: rata-rata terpangkas memerlukan sedikitnya %2 lembar penilaian; rata-rata biasa dipakai untuk %3 inovasi dengan lembar penilaian yang lebih sedikit.</translation>
    </message>
    <message>
        <source>%1: some judges gave the same total to every entry they scored in a category; their sheets count as the panel mean.</source>
        <translation>%1: sebagian juri memberikan nilai total yang sama kepada setiap inovasi yang dinilainya dalam satu kategori; lembar penilaian mereka dihitung sebagai rata-rata dewan juri.</translation>
    </message>
    <message>
        <source>Computing the results…</source>
        <translation>Menghitung hasil…</translation>
    </message>
    <message>
        <source>Cannot compute the results</source>
        <translation>Hasil tidak dapat dihitung</translation>
    </message>
    <message>
        <source>Computing the fairness evidence…</source>
        <translation>Menghitung bukti keadilan penilaian…</translation>
    </message>
    <message>
        <source>Cannot compute the fairness evidence</source>
        <translation>Bukti keadilan penilaian tidak dapat dihitung</translation>
    </message>
    <message>
        <source>&amp;Round:</source>
        <translation>&amp;Tahap:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Metode:</translation>
    </message>
    <message>
        <source>All rounds (final result)</source>
        <translation>Semua tahap (hasil akhir)</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <source>Winners</source>
        <translation>Pemenang</translation>
    </message>
    <message>
        <source>Rank stability</source>
        <translation>Kestabilan peringkat</translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation>Keadilan penilaian</translation>
    </message>
    <message>
        <source>Final. Snapshot digest (SHA-256): %1</source>
        <translation>Final. Digest rekaman hasil (SHA-256): %1</translation>
    </message>
    <message>
        <source>No results yet</source>
        <translation>Belum ada hasil</translation>
    </message>
    <message>
        <source>No score sheet has been submitted in the rounds shown. The ranking appears as the judges submit their sheets.</source>
        <translation>Belum ada lembar nilai yang terkirim pada tahap yang ditampilkan. Peringkat muncul saat juri mengirim lembar nilainya.</translation>
    </message>
    <message>
        <source>Follow the progress</source>
        <translation>Pantau kemajuan</translation>
    </message>
</context>
<context>
    <name>RoundsEditor</name>
    <message>
        <source>Add round</source>
        <translation>Tambah tahap</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Naikkan</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Turunkan</translation>
    </message>
    <message>
        <source>Reopen rubric…</source>
        <translation>Buka kembali rubrik…</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Kode:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>In &amp;English:</source>
        <translation>Dalam bahasa &amp;Inggris:</translation>
    </message>
    <message>
        <source>&amp;Weight in final score:</source>
        <translation>&amp;Bobot dalam nilai akhir:</translation>
    </message>
    <message>
        <source>&amp;Advancement:</source>
        <translation>Syarat &amp;lolos:</translation>
    </message>
    <message>
        <source>&amp;Blind judging</source>
        <translation>&amp;Penilaian tertutup</translation>
    </message>
    <message>
        <source>Judges do not see the entry&apos;s unit and innovators.</source>
        <translation>Juri tidak melihat perangkat daerah dan inovator dari inovasi yang dinilai.</translation>
    </message>
    <message>
        <source>N: how many entries of each category go on.</source>
        <translation>N: jumlah inovasi dari setiap kategori yang lolos.</translation>
    </message>
    <message>
        <source>0–100</source>
        <translation>0–100</translation>
    </message>
    <message>
        <source>Used when the final score combines the rounds by weight.</source>
        <translation>Dipakai bila nilai akhir menggabungkan tahap-tahap menurut bobot.</translation>
    </message>
    <message>
        <source>Description of the selected criterion:</source>
        <translation>Uraian kriteria yang dipilih:</translation>
    </message>
    <message>
        <source>Selected criterion: description and levels</source>
        <translation>Kriteria terpilih: uraian dan tingkat nilai</translation>
    </message>
    <message>
        <source>Instructions for judges</source>
        <translation>Petunjuk bagi juri</translation>
    </message>
    <message>
        <source>%1 (locked)</source>
        <translation>%1 (dikunci)</translation>
    </message>
    <message>
        <source>This round has score sheets; its code cannot change.</source>
        <translation>Tahap ini sudah memiliki lembar penilaian; kodenya tidak dapat diubah.</translation>
    </message>
    <message>
        <source>This round has score sheets and cannot be removed.</source>
        <translation>Tahap ini sudah memiliki lembar penilaian dan tidak dapat dihapus.</translation>
    </message>
    <message numerus="yes">
        <source>Judges have submitted %Ln sheets in this round. To change its rubric, reopen it: submitted sheets go back to draft and judges must submit again.</source>
        <translation>
            <numerusform>Juri telah mengirim %Ln lembar penilaian pada tahap ini. Untuk mengubah rubriknya, buka kembali rubrik: lembar yang terkirim kembali menjadi draf dan juri harus mengirim ulang.</numerusform>
        </translation>
    </message>
    <message>
        <source>A screening round has no criteria.</source>
        <translation>Tahap seleksi tidak memiliki kriteria.</translation>
    </message>
    <message>
        <source>Total weight: %1 / 100</source>
        <translation>Jumlah bobot: %1 / 100</translation>
    </message>
    <message>
        <source>Round weights: %1 / 100</source>
        <translation>Bobot tahap: %1 / 100</translation>
    </message>
    <message>
        <source>New round</source>
        <translation>Tahap baru</translation>
    </message>
</context>
<context>
    <name>RubricPanel</name>
    <message>
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Bobot</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <source>weight %1% · scale %2, step %3</source>
        <translation>bobot %1% · skala %2, kelipatan %3</translation>
    </message>
    <message>
        <source>%1 (criterion code: %2)</source>
        <translation>%1 (kode kriteria: %2)</translation>
    </message>
    <message>
        <source>Score for %1</source>
        <translation>Nilai untuk %1</translation>
    </message>
    <message>
        <source>Comment on %1</source>
        <translation>Komentar untuk %1</translation>
    </message>
    <message>
        <source>A score from %1; Enter saves it and goes to the next criterion, Up and Down step through the scale.</source>
        <translation>Nilai %1; Enter menyimpannya dan berpindah ke kriteria berikutnya, tombol panah Atas dan Bawah menaikkan atau menurunkan nilai satu kelipatan.</translation>
    </message>
    <message>
        <source>&amp;Overall comment:</source>
        <translation>Komentar &amp;umum:</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Komentar (tidak wajib)</translation>
    </message>
    <message>
        <source>Give a score first</source>
        <translation>Beri nilai terlebih dahulu</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Nilai total: %1</translation>
    </message>
    <message>
        <source>Running total: %1</source>
        <translation>Nilai total sementara: %1</translation>
    </message>
    <message>
        <source>%1 of %2 criteria scored</source>
        <translation>%1 dari %2 kriteria telah dinilai</translation>
    </message>
    <message>
        <source>“%1” is not on the scale %2 (step %3).</source>
        <translation>“%1” tidak ada pada skala %2 (langkah %3).</translation>
    </message>
    <message>
        <source>Only numbers here: a score on the scale %1.</source>
        <translation>Hanya angka di sini: nilai pada skala %1.</translation>
    </message>
    <message>
        <source>%1. %2: %3</source>
        <translation>%1. %2: %3</translation>
    </message>
    <message>
        <source>No level descriptors for this criterion.</source>
        <translation>Kriteria ini tidak memiliki uraian tingkat.</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <source>Competition</source>
        <translation>Kompetisi</translation>
    </message>
    <message>
        <source>How results are computed</source>
        <translation>Cara penghitungan hasil</translation>
    </message>
    <message>
        <source>Tie-breaks, applied in this order</source>
        <translation>Penentuan peringkat nilai sama, sesuai urutan</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>Name in &amp;English:</source>
        <translation>Nama dalam bahasa &amp;Inggris:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Tahun:</translation>
    </message>
    <message>
        <source>&amp;Organiser:</source>
        <translation>Pen&amp;yelenggara:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Deskripsi:</translation>
    </message>
    <message>
        <source>&amp;Ranking:</source>
        <translation>Pe&amp;ringkat:</translation>
    </message>
    <message>
        <source>Across &amp;judges:</source>
        <translation>Antar&amp;juri:</translation>
    </message>
    <message>
        <source>&amp;Trim only with at least:</source>
        <translation>&amp;Pangkas hanya jika paling sedikit:</translation>
    </message>
    <message>
        <source>Entries missing sheets:</source>
        <translation>Inovasi belum lengkap:</translation>
    </message>
    <message>
        <source>Across ro&amp;unds:</source>
        <translation>Ant&amp;artahap:</translation>
    </message>
    <message>
        <source> sheets</source>
        <translation> lembar</translation>
    </message>
    <message>
        <source>R&amp;ank them anyway</source>
        <translation>Tetap b&amp;eri peringkat</translation>
    </message>
    <message>
        <source>Add to the chain</source>
        <translation>Tambahkan ke urutan</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Naikkan</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Turunkan</translation>
    </message>
    <message>
        <source>Entries with exactly equal scores are separated by the first rule that tells them apart. The chair&apos;s recorded decision is applied last even when it is not listed.</source>
        <translation>Inovasi dengan nilai yang persis sama dibedakan oleh aturan pertama yang dapat memisahkannya. Keputusan ketua dewan juri yang tercatat selalu diterapkan paling akhir, meskipun tidak tercantum.</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>SetupDialogs</name>
    <message>
        <source>Open a competition file</source>
        <translation>Buka berkas kompetisi</translation>
    </message>
    <message>
        <source>Competition files (%1)</source>
        <translation>Berkas kompetisi (%1)</translation>
    </message>
    <message>
        <source>Save the setup to a file</source>
        <translation>Simpan pengaturan ke berkas</translation>
    </message>
</context>
<context>
    <name>SetupLabels</name>
    <message>
        <source>Per category</source>
        <translation>Per kategori</translation>
    </message>
    <message>
        <source>Overall (all categories together)</source>
        <translation>Keseluruhan (semua kategori digabung)</translation>
    </message>
    <message>
        <source>Mean of the judges&apos; totals</source>
        <translation>Rata-rata nilai total para juri</translation>
    </message>
    <message>
        <source>Median of the judges&apos; totals</source>
        <translation>Median nilai total para juri</translation>
    </message>
    <message>
        <source>Trimmed mean (drop the highest and the lowest)</source>
        <translation>Rata-rata terpangkas (tanpa nilai tertinggi dan terendah)</translation>
    </message>
    <message>
        <source>Standardized per judge (z-scores)</source>
        <translation>Distandardisasi per juri (skor z)</translation>
    </message>
    <message>
        <source>Last scored round only</source>
        <translation>Hanya tahap penilaian terakhir</translation>
    </message>
    <message>
        <source>Weighted combination of the rounds</source>
        <translation>Gabungan tahap menurut bobot</translation>
    </message>
    <message>
        <source>Screening (pass or fail)</source>
        <translation>Seleksi (lolos atau tidak lolos)</translation>
    </message>
    <message>
        <source>Scored with criteria</source>
        <translation>Dinilai dengan kriteria</translation>
    </message>
    <message>
        <source>Everyone eligible goes on</source>
        <translation>Semua yang memenuhi syarat lanjut</translation>
    </message>
    <message>
        <source>Top N per category</source>
        <translation>N teratas per kategori</translation>
    </message>
    <message>
        <source>Score at or above a threshold</source>
        <translation>Nilai mencapai ambang batas</translation>
    </message>
    <message>
        <source>Chosen by the secretariat</source>
        <translation>Dipilih oleh sekretariat</translation>
    </message>
    <message>
        <source>By rank</source>
        <translation>Menurut peringkat</translation>
    </message>
    <message>
        <source>By score band</source>
        <translation>Menurut rentang nilai</translation>
    </message>
    <message>
        <source>Higher score on the criterion %1 (%2)</source>
        <translation>Nilai lebih tinggi pada kriteria %1 (%2)</translation>
    </message>
    <message>
        <source>Higher score on the heaviest criterion, then the next</source>
        <translation>Nilai lebih tinggi pada kriteria berbobot terbesar, lalu berikutnya</translation>
    </message>
    <message>
        <source>Higher score in the later round</source>
        <translation>Nilai lebih tinggi pada tahap yang lebih akhir</translation>
    </message>
    <message>
        <source>More first places among the judges</source>
        <translation>Lebih banyak peringkat pertama dari para juri</translation>
    </message>
    <message>
        <source>Decision of the chair of the jury (with a reason)</source>
        <translation>Keputusan ketua dewan juri (dengan alasan)</translation>
    </message>
</context>
<context>
    <name>SetupView</name>
    <message>
        <source>Competition file</source>
        <translation>Berkas kompetisi</translation>
    </message>
    <message>
        <source>New competition from a &amp;template…</source>
        <translation>Kompetisi baru dari &amp;templat…</translation>
    </message>
    <message>
        <source>New competition from a competition &amp;file…</source>
        <translation>Kompetisi baru dari &amp;berkas kompetisi…</translation>
    </message>
    <message>
        <source>&amp;Export this setup to a file…</source>
        <translation>&amp;Ekspor pengaturan ini ke berkas…</translation>
    </message>
    <message>
        <source>Writes the saved setup (not unsaved changes).</source>
        <translation>Menulis pengaturan yang sudah disimpan (tanpa perubahan yang belum disimpan).</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Simpan perubahan</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Batalkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>Discard c&amp;hanges</source>
        <translation>B&amp;uang perubahan</translation>
    </message>
    <message>
        <source>%1 — status: %2</source>
        <translation>%1 — status: %2</translation>
    </message>
    <message>
        <source>Entries are registered in a category. A category that has entries keeps its code and cannot be removed.</source>
        <translation>Inovasi didaftarkan dalam suatu kategori. Kategori yang sudah memiliki inovasi tetap memakai kodenya dan tidak dapat dihapus.</translation>
    </message>
    <message>
        <source>A rank tier covers ranks “from” to “to” in each category (Juara I: 1 to 1). A score band covers final scores from the minimum (included when ticked) up to the maximum (excluded unless ticked; empty = no upper limit).</source>
        <translation>Kategori penghargaan menurut peringkat mencakup peringkat “dari” sampai “sampai” di setiap kategori (Juara I: 1 sampai 1). Rentang nilai mencakup nilai akhir mulai dari nilai minimum (termasuk bila dicentang) hingga nilai maksimum (tidak termasuk kecuali dicentang; kosong = tanpa batas atas).</translation>
    </message>
    <message>
        <source>← Back to %1</source>
        <translation>← Kembali ke %1</translation>
    </message>
    <message>
        <source>Open registration →</source>
        <translation>Buka pendaftaran →</translation>
    </message>
    <message>
        <source>Start judging →</source>
        <translation>Mulai penilaian →</translation>
    </message>
    <message>
        <source>This competition is finalized: its results are frozen, so its setup can no longer be changed. You can still export it to a file or start a new competition from it.</source>
        <translation>Kompetisi ini sudah final: hasilnya telah dibekukan sehingga pengaturannya tidak dapat diubah lagi. Pengaturan ini masih dapat diekspor ke berkas atau dipakai sebagai dasar kompetisi baru.</translation>
    </message>
    <message>
        <source>Judging is under way. A round&apos;s rubric is locked once judges submit sheets in it; finalizing is done in the Results view.</source>
        <translation>Penilaian sedang berlangsung. Rubrik suatu tahap dikunci begitu juri mengirim lembar penilaian pada tahap tersebut; finalisasi dilakukan di tampilan Hasil.</translation>
    </message>
    <message>
        <source>Competition and rules</source>
        <translation>Kompetisi dan aturan</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Rounds and criteria</source>
        <translation>Tahap dan kriteria</translation>
    </message>
    <message>
        <source>Award tiers</source>
        <translation>Kategori penghargaan</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s) to fix before saving:</source>
        <translation>
            <numerusform>%Ln masalah harus diperbaiki sebelum menyimpan:</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes. The setup is valid.</source>
        <translation>Ada perubahan yang belum disimpan. Pengaturan sudah valid.</translation>
    </message>
    <message>
        <source>All changes are saved.</source>
        <translation>Semua perubahan sudah disimpan.</translation>
    </message>
    <message>
        <source>Reading the setup…</source>
        <translation>Membaca pengaturan…</translation>
    </message>
    <message>
        <source>Cannot read the setup</source>
        <translation>Pengaturan tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <source>Judges&apos; draft scores on these criteria will be cleared, because the criterion is removed or its scale changed: %1. Save anyway?</source>
        <translation>Nilai draf juri pada kriteria berikut akan dihapus karena kriterianya dihapus atau skalanya diubah: %1. Tetap simpan?</translation>
    </message>
    <message>
        <source>Cannot save the setup</source>
        <translation>Pengaturan tidak dapat disimpan</translation>
    </message>
    <message>
        <source>The setup was saved.</source>
        <translation>Pengaturan sudah disimpan.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Buang perubahan</translation>
    </message>
    <message>
        <source>Discard every unsaved change to the setup?</source>
        <translation>Buang semua perubahan pengaturan yang belum disimpan?</translation>
    </message>
    <message>
        <source>Unsaved changes were discarded.</source>
        <translation>Perubahan yang belum disimpan sudah dibuang.</translation>
    </message>
    <message>
        <source>Move the competition from %1 to %2?</source>
        <translation>Pindahkan status kompetisi dari %1 ke %2?</translation>
    </message>
    <message>
        <source>Judges can then score the entries assigned to them.</source>
        <translation>Setelah itu juri dapat menilai inovasi yang ditugaskan kepada mereka.</translation>
    </message>
    <message>
        <source>Change the status</source>
        <translation>Ubah status</translation>
    </message>
    <message>
        <source>Cannot change the status</source>
        <translation>Status tidak dapat diubah</translation>
    </message>
    <message>
        <source>The competition is now in %1.</source>
        <translation>Status kompetisi sekarang: %1.</translation>
    </message>
    <message>
        <source>Reopen rubric</source>
        <translation>Buka kembali rubrik</translation>
    </message>
    <message>
        <source>Why must the rubric of round “%1” change? Submitted sheets in this round go back to draft and judges must submit them again. The reason is recorded.</source>
        <translation>Mengapa rubrik tahap “%1” harus diubah? Lembar penilaian yang sudah terkirim pada tahap ini akan kembali menjadi draf dan juri harus mengirimnya lagi. Alasan ini dicatat.</translation>
    </message>
    <message>
        <source>Cannot reopen the rubric</source>
        <translation>Rubrik tidak dapat dibuka kembali</translation>
    </message>
    <message numerus="yes">
        <source>The rubric is open again: %Ln submitted sheet(s) went back to draft.</source>
        <translation>
            <numerusform>Rubrik dibuka kembali: %Ln lembar terkirim kembali menjadi draf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot create the competition</source>
        <translation>Kompetisi tidak dapat dibuat</translation>
    </message>
    <message>
        <source>Reading the competition file…</source>
        <translation>Membaca berkas kompetisi…</translation>
    </message>
    <message>
        <source>Cannot import the competition file</source>
        <translation>Berkas kompetisi tidak dapat diimpor</translation>
    </message>
    <message>
        <source>Competition “%1” (%2) was created as a draft. Open it from View › All competitions.</source>
        <translation>Kompetisi “%1” (%2) sudah dibuat sebagai draf. Buka melalui Tampilan › Semua kompetisi.</translation>
    </message>
    <message>
        <source>Writing the competition file…</source>
        <translation>Menulis berkas kompetisi…</translation>
    </message>
    <message>
        <source>The saved setup was exported to %1.</source>
        <translation>Pengaturan yang sudah disimpan diekspor ke %1.</translation>
    </message>
    <message>
        <source>Cannot export the setup</source>
        <translation>Pengaturan tidak dapat diekspor</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>← &amp;All entries</source>
        <translation>← Semua &amp;inovasi</translation>
    </message>
    <message>
        <source>Declare a &amp;conflict of interest…</source>
        <translation>Nyatakan kon&amp;flik kepentingan…</translation>
    </message>
    <message>
        <source>Su&amp;bmit sheet…</source>
        <translation>&amp;Kirim lembar penilaian…</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>Cannot open the sheet</source>
        <translation>Lembar penilaian tidak dapat dibuka</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Bukti dukung</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>Dokumen (%1)</translation>
    </message>
    <message>
        <source>Cannot open the document</source>
        <translation>Dokumen tidak dapat dibuka</translation>
    </message>
    <message>
        <source>Cannot read the sheet</source>
        <translation>Lembar penilaian tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Submitted: this sheet is locked. Only the secretariat can reopen it.</source>
        <translation>Terkirim: lembar penilaian ini dikunci. Hanya sekretariat yang dapat membukanya kembali.</translation>
    </message>
    <message>
        <source>Scoring is closed for this competition: the sheet can be read but not changed.</source>
        <translation>Penilaian untuk kompetisi ini sudah ditutup: lembar penilaian dapat dibaca tetapi tidak dapat diubah.</translation>
    </message>
    <message>
        <source>Your work was not saved</source>
        <translation>Pekerjaan Anda belum tersimpan</translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation>Perubahan tidak disimpan</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>Belum terkirim</translation>
    </message>
    <message>
        <source>Every criterion needs a score before the sheet can be submitted.</source>
        <translation>Setiap kriteria harus diberi nilai sebelum lembar penilaian dapat dikirim.</translation>
    </message>
    <message>
        <source>Without a score: %1.</source>
        <translation>Belum diberi nilai: %1.</translation>
    </message>
    <message>
        <source>The conflict of interest was not recorded</source>
        <translation>Konflik kepentingan tidak tercatat</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>%1 is protected: sign in with your login and password. Every change you make is recorded under your name.</source>
        <translation>%1 dilindungi: masuk dengan login dan kata sandi Anda. Setiap perubahan yang Anda buat dicatat atas nama Anda.</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>e.g. siti_aminah</source>
        <translation>mis. siti_aminah</translation>
    </message>
</context>
<context>
    <name>StabilityModel</name>
    <message>
        <source>%1 (in use)</source>
        <translation>%1 (dipakai)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
</context>
<context>
    <name>StabilityPage</name>
    <message>
        <source>No entry&apos;s award changes with the method.</source>
        <translation>Tidak ada inovasi yang penghargaannya berubah menurut metode.</translation>
    </message>
    <message>
        <source>Only entries whose award changes with the method</source>
        <translation>Hanya inovasi yang penghargaannya berubah menurut metode</translation>
    </message>
    <message>
        <source>Award changes with the method: %1 of %2 entries</source>
        <translation>Penghargaan berubah menurut metode: %1 dari %2 inovasi</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome. How do you want to start?</source>
        <translation>Selamat datang. Bagaimana Anda ingin memulai?</translation>
    </message>
    <message>
        <source>This database has no competition yet. Start a new one from a ready-made rubric, look around in a demo competition with sample entries and scores, or open the competitions your team already keeps in a file or on a server.</source>
        <translation>Basis data ini belum berisi kompetisi. Mulai kompetisi baru dari rubrik siap pakai, jelajahi kompetisi contoh berisi inovasi dan nilai contoh, atau buka kompetisi yang sudah disimpan tim Anda dalam berkas atau di server.</translation>
    </message>
    <message>
        <source>&amp;New competition from a template</source>
        <translation>Kompetisi &amp;baru dari templat</translation>
    </message>
    <message>
        <source>A city, national (KIPP) or IGA rubric, ready to adjust</source>
        <translation>Rubrik kota, nasional (KIPP), atau IGA, siap disesuaikan</translation>
    </message>
    <message>
        <source>&amp;Try with demo data</source>
        <translation>&amp;Coba dengan data contoh</translation>
    </message>
    <message>
        <source>140 sample innovations, 5 judges and their scores, in a separate file</source>
        <translation>140 inovasi contoh, 5 juri beserta nilainya, dalam berkas terpisah</translation>
    </message>
    <message>
        <source>&amp;Open a file</source>
        <translation>B&amp;uka berkas</translation>
    </message>
    <message>
        <source>A judging database (.sqlite) saved on this computer or a flash drive</source>
        <translation>Basis data penilaian (.sqlite) yang tersimpan di komputer ini atau di diska lepas</translation>
    </message>
    <message>
        <source>&amp;Connect to a server</source>
        <translation>&amp;Sambungkan ke server</translation>
    </message>
    <message>
        <source>The panel&apos;s shared PostgreSQL database</source>
        <translation>Basis data PostgreSQL bersama dewan juri</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Naikkan</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Turunkan</translation>
    </message>
</context>
<context>
    <name>TieDecisionDialog</name>
    <message>
        <source>Decide a tie</source>
        <translation>Putuskan nilai sama</translation>
    </message>
    <message>
        <source>These entries have exactly the same score (%1) and the tie-break chain cannot separate them. At stake: %2. Put them in the order the chair decided, best first.</source>
        <translation>Inovasi berikut memiliki nilai yang persis sama (%1) dan tidak dapat dibedakan oleh urutan penentuan peringkat nilai sama. Yang dipertaruhkan: %2. Susun sesuai keputusan ketua dewan juri, mulai dari yang terbaik.</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Naikkan</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Turunkan</translation>
    </message>
    <message>
        <source>&amp;Chair:</source>
        <translation>&amp;Ketua dewan juri:</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Alasan (wajib diisi):</translation>
    </message>
    <message>
        <source>&amp;Record decision</source>
        <translation>&amp;Catat keputusan</translation>
    </message>
</context>
<context>
    <name>TiesModel</name>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <source>Tied entries</source>
        <translation>Inovasi bernilai sama</translation>
    </message>
    <message>
        <source>At stake</source>
        <translation>Yang dipertaruhkan</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <source>no award</source>
        <translation>tanpa penghargaan</translation>
    </message>
    <message>
        <source>advancement cut-off</source>
        <translation>batas kelolosan</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <source>Government units</source>
        <translation>Perangkat daerah</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Kode:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Jenis:</translation>
    </message>
    <message>
        <source>Optional, e.g. dinas, badan, kecamatan</source>
        <translation>Opsional, mis. dinas, badan, kecamatan</translation>
    </message>
    <message>
        <source>&amp;Add unit</source>
        <translation>&amp;Tambah perangkat daerah</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Ganti nama</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Baru</translation>
    </message>
    <message>
        <source>A unit with this code already exists.</source>
        <translation>Perangkat daerah dengan kode ini sudah ada.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <source>Not saved: say who is working first.</source>
        <translation>Belum disimpan: isi dahulu siapa yang bertugas.</translation>
    </message>
</context>
<context>
    <name>WinnersPage</name>
    <message>
        <source>No award is given yet: no entry is ranked (see Progress for the sheets still missing).</source>
        <translation>Belum ada penghargaan: belum ada inovasi yang diperingkat (lihat Kemajuan untuk lembar nilai yang belum masuk).</translation>
    </message>
    <message>
        <source>All entries (overall ranking)</source>
        <translation>Semua inovasi (peringkat keseluruhan)</translation>
    </message>
    <message>
        <source>Tie: %1 have the same score; the chair decides who gets which award.</source>
        <translation>Nilai sama: %1 memiliki nilai yang sama; ketua dewan juri memutuskan siapa mendapat penghargaan yang mana.</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Putuskan…</translation>
    </message>
    <message>
        <source>Record the chair&apos;s order of the tied entries, with a reason</source>
        <translation>Catat urutan dari ketua dewan juri untuk inovasi bernilai sama, dengan alasan</translation>
    </message>
    <message>
        <source>Deciding ties uses all rounds with the competition&apos;s method.</source>
        <translation>Memutuskan nilai sama memakai semua tahap dengan metode kompetisi.</translation>
    </message>
</context>
</TS>
