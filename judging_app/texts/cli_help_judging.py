"""Indonesian help of the judging and results commands: scores, packages, returns,
excel-sheets, sheets, results, fairness, decide-tie, advance, export, verify, reopen (the
English is in judging_app/cli; see texts/cli_help.py)."""

HELP = {
    # -- the commands, as `judging-app --help` lists them -----------------------------------
    "paper score sheets typed into a CSV file: import":
        "lembar penilaian kertas yang diketik ke berkas CSV: impor",
    "judge packages: one file per judge per round":
        "paket juri: satu berkas per juri per tahap",
    "judges' return files": "berkas kembalian juri",
    "Excel score sheets for judges without the app: one per judge per round":
        "lembar penilaian Excel untuk juri tanpa aplikasi: satu per juri per tahap",
    "score sheets one by one: show, submit, reopen":
        "lembar penilaian satu per satu: tampilkan, kirim, buka kembali",
    "how far judging is: sheets per judge, entries still missing some":
        "sejauh mana penilaian: lembar penilaian per juri, inovasi yang nilainya belum "
        "lengkap",
    "rankings and awards per category": "peringkat dan penghargaan per kategori",
    "agreement, judges' severity, outliers, rank stability":
        "kesepakatan antarjuri, kecenderungan ketat atau murah juri, nilai pencilan, "
        "kestabilan peringkat",
    "record the chair's order for tied entries, with a reason":
        "catat urutan yang ditetapkan ketua dewan juri untuk inovasi dengan nilai sama, "
        "beserta alasannya",
    "take entries on to the next round by the round's rule (top N, threshold)":
        "loloskan inovasi ke tahap berikutnya menurut aturan tahap (N teratas, ambang batas)",
    "freeze the results (refused while ties or gaps block them)":
        "sahkan dan bekukan hasil (ditolak selama nilai sama atau kekurangan nilai "
        "menghalanginya)",
    "results workbook; PDF minutes, winners list, score sheets":
        "rekapitulasi hasil (Excel); PDF berita acara, daftar pemenang, lembar penilaian",
    # -- scores, packages, returns, excel-sheets -------------------------------------------
    "import typed-up paper sheets (CSV: round, judge, entry, criterion, score, comment)":
        "impor lembar penilaian kertas yang sudah diketik (CSV: tahap, juri, inovasi, "
        "kriteria, nilai, komentar)",
    "one line per score (UTF-8; comma, semicolon or tab)":
        "satu baris per nilai (UTF-8; pemisah koma, titik koma, atau tab)",
    "keep the sheets as drafts": "biarkan lembar penilaian tetap draf",
    "write one package per judge with entries assigned in the round":
        "tulis satu paket untuk setiap juri yang mendapat penugasan inovasi pada tahap ini",
    "the folder to write into (made when missing)":
        "folder tujuan (dibuat bila belum ada)",
    "only this judge's package (e.g. to re-issue it)":
        "hanya paket juri ini (mis. untuk menerbitkannya ulang)",
    "show each package's size (with the documents it carries); write nothing":
        "tampilkan ukuran setiap paket (beserta dokumen yang dibawanya); tidak menulis apa pun",
    "import judges' return files, each whole or not at all":
        "impor berkas kembalian juri, masing-masing utuh atau tidak sama sekali",
    "the .jret files the judges sent": "berkas .jret yang dikirim para juri",
    "write one Excel score sheet per judge with entries assigned in the round":
        "tulis satu lembar penilaian Excel untuk setiap juri yang mendapat penugasan inovasi "
        "pada tahap ini",
    "import filled Excel score sheets, each whole or not at all":
        "impor lembar penilaian Excel yang sudah diisi, masing-masing utuh atau tidak sama "
        "sekali",
    "only this judge's Excel score sheet (e.g. to re-issue it)":
        "hanya lembar penilaian Excel juri ini (mis. untuk menerbitkannya ulang)",
    "the workbooks the judges sent back": "lembar penilaian Excel yang dikirim kembali juri",
    "refuse workbooks for another round": "tolak lembar penilaian Excel untuk tahap lain",
    "keep every sheet a draft (default: complete rows are submitted)":
        "biarkan setiap lembar penilaian tetap draf (bawaan: baris yang lengkap dikirim)",
    # -- sheets, progress ------------------------------------------------------------------
    "one judge's sheet for one entry: state, scores, comments":
        "lembar penilaian seorang juri untuk satu inovasi: keadaan, nilai, komentar",
    "submit a complete draft sheet (it is then locked)":
        "kirim lembar penilaian draf yang sudah lengkap (lalu dikunci)",
    "unlock a submitted sheet so that it can be corrected (recorded as a decision, with "
    "the reason)":
        "buka kunci lembar penilaian terkirim agar dapat diperbaiki (dicatat sebagai "
        "keputusan, beserta alasannya)",
    "why the sheet must change": "alasan lembar penilaian harus diubah",
    # -- results, fairness, ties, advancing ------------------------------------------------
    "rank one round alone": "susun peringkat satu tahap saja",
    "aggregation across judges (default: the competition's own)":
        "cara menggabungkan nilai para juri (bawaan: cara kompetisi itu sendiri)",
    "machine-readable (docs/results-json.md)": "untuk dibaca mesin (docs/results-json.md)",
    "one round alone (default: every scored round) (its code, as in the competition's setup)":
        "satu tahap saja (bawaan: setiap tahap yang dinilai) (kodenya, sesuai pengaturan "
        "kompetisi)",
    "entry codes, best first": "kode inovasi, yang terbaik lebih dahulu",
    "the chair's reason, as told at the plenary":
        "alasan ketua dewan juri, sebagaimana disampaikan dalam sidang pleno",
    "the round just ranked (its code, as in the competition's setup)":
        "tahap yang baru disusun peringkatnya (kodenya, sesuai pengaturan kompetisi)",
    "show who would go on; write nothing":
        "tampilkan siapa yang akan lolos; tidak menulis apa pun",
    "entries taken on by hand (needs --reason)":
        "inovasi yang diloloskan secara manual (memerlukan --reason)",
    "why (with --add)": "alasannya (bersama --add)",
    # -- export ----------------------------------------------------------------------------
    "the results workbook (Excel)": "rekapitulasi hasil (Excel)",
    "minutes of evaluation (berita acara penilaian)": "berita acara penilaian",
    "winners list (daftar pemenang) to attach to the decree":
        "daftar pemenang untuk dilampirkan pada surat keputusan",
    "blank score sheets for paper judging": "lembar penilaian kosong untuk penilaian di kertas",
    "one round alone": "satu tahap saja",
    "the date on the winners sheet (default: today in the competition's zone)":
        "tanggal pada lembar pemenang (bawaan: hari ini di zona waktu kompetisi)",
    "rank one round alone (default: the competition's final ranking)":
        "peringkat satu tahap saja (bawaan: peringkat akhir kompetisi)",
    "where the document is issued (default: the competition's document settings; none: a "
    "dotted line to fill in)":
        "tempat dokumen diterbitkan (bawaan: pengaturan dokumen kompetisi; none: garis "
        "titik-titik untuk diisi)",
    "the document's date (default: today in the competition's zone)":
        "tanggal dokumen (bawaan: hari ini di zona waktu kompetisi)",
    "the minutes' Nomor": "Nomor berita acara",
    "the NOMOR of the decree the list is attached to (default: the competition's document "
    "settings)":
        "NOMOR surat keputusan yang dilampiri daftar ini (bawaan: pengaturan dokumen "
        "kompetisi)",
    "the round to print": "tahap yang dicetak",
    "one judge (default: every judge with entries, each on new pages)":
        "satu juri (bawaan: setiap juri yang mendapat inovasi, masing-masing di halaman baru)",
    "the document's date (default: today in the competition's zone; none on score sheets)":
        "tanggal dokumen (bawaan: hari ini di zona waktu kompetisi; tanpa tanggal pada "
        "lembar penilaian)",
    # -- verify, reopen --------------------------------------------------------------------
    "the digest printed on the signed minutes":
        "sidik digital yang tercetak pada berita acara yang ditandatangani",
    "the chair signs off the reopening": "ketua dewan juri menyetujui pembukaan kembali",
    "the secretariat reopens the results": "sekretariat membuka kembali hasil",
    "why (recorded in the audit trail)": "alasannya (dicatat dalam jejak audit)",
}
