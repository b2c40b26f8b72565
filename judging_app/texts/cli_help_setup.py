"""Indonesian help of the setting-up commands: competition, units, entries, judges,
conflicts, assign (the English is in judging_app/cli; see texts/cli_help.py)."""

HELP = {
    # -- the commands, as `judging-app --help` lists them -----------------------------------
    "competitions: list, create, show, status, import, export, documents, update":
        "kompetisi: daftar, buat, tampilkan, status, impor, ekspor, dokumen, perbarui",
    "the government units (perangkat daerah): list, add, rename":
        "perangkat daerah: daftar, tambah, ganti nama",
    "the entries: list, show, add, edit, screen, import from Excel/CSV, the import template, "
    "attach documents, entries without a proposal":
        "inovasi peserta: daftar, tampilkan, tambah, ubah, seleksi, impor dari Excel/CSV, "
        "templat impor, lampirkan dokumen, inovasi tanpa proposal",
    "the panel of judges: list, add, edit, disable, enable, import from a spreadsheet":
        "dewan juri: daftar, tambah, ubah, nonaktifkan, aktifkan, impor dari lembar kerja",
    "conflicts of interest: list, declare, withdraw":
        "konflik kepentingan: daftar, nyatakan, tarik kembali",
    "assign judges to entries: --auto --per-entry K [--preview], or add, remove, list":
        "tugaskan juri pada inovasi: --auto --per-entry K [--preview], atau add, remove, list",
    # -- competition -----------------------------------------------------------------------
    "competitions in the database": "kompetisi dalam basis data",
    "templates shipped with the app": "templat yang disertakan dengan aplikasi",
    "create from a template or a file": "buat dari templat atau berkas",
    "write a competition's setup file": "tulis berkas pengaturan sebuah kompetisi",
    "show or set the letterhead, head of region, place, numbers and time zone of the "
    "competition's documents":
        "tampilkan atau atur kop surat, kepala daerah, tempat, nomor, dan zona waktu "
        "dokumen kompetisi",
    "create a competition from a setup file": "buat kompetisi dari berkas pengaturan",
    "the setup: categories, rounds with their criteria, weights and scales, award tiers "
    "(--json: the competition file, docs/competition-file.md)":
        "pengaturannya: kategori, tahap beserta kriteria, bobot, dan skalanya, kategori "
        "penghargaan (--json: berkas kompetisi, docs/competition-file.md)",
    "where the competition stands: status, entries, judges, each round's sheets":
        "keadaan kompetisi: status, inovasi, juri, lembar penilaian setiap tahap",
    "open registration (draft → registration): entries can be registered and screened, "
    "judges enrolled and assigned":
        "buka pendaftaran (draf → pendaftaran): inovasi dapat didaftarkan dan diseleksi, "
        "juri didaftarkan dan ditugaskan",
    "open judging (registration → judging): judges can score the entries assigned to them":
        "buka penilaian (pendaftaran → penilaian): juri dapat menilai inovasi yang "
        "ditugaskan kepadanya",
    "move the competition one step back (judging → registration, registration → draft) or "
    "forward":
        "pindahkan kompetisi satu langkah mundur (penilaian → pendaftaran, pendaftaran → "
        "draf) atau maju",
    "unlock a round's rubric to change it: its submitted sheets go back to draft (recorded "
    "as a decision)":
        "buka kunci rubrik sebuah tahap untuk mengubahnya: lembar penilaian terkirimnya "
        "kembali menjadi draf (dicatat sebagai keputusan)",
    "replace the setup (categories, rounds, criteria, awards, rules) with a competition "
    "file's, e.g. one written by competition export and edited":
        "ganti pengaturan (kategori, tahap, kriteria, penghargaan, aturan) dengan isi berkas "
        "kompetisi, mis. berkas hasil competition export yang sudah disunting",
    "take winners or chosen entries into a regional or national competition (all or "
    "nothing)":
        "bawa pemenang atau inovasi pilihan ke kompetisi tingkat provinsi atau nasional "
        "(semua atau tidak sama sekali)",
    "print machine-readable JSON (stable English keys; see docs/cli.md)":
        "cetak JSON untuk dibaca mesin (kunci berbahasa Inggris yang tetap; lihat "
        "docs/cli.md)",
    "a template shipped with the app (see: competition templates)":
        "templat yang disertakan dengan aplikasi (lihat: competition templates)",
    "a competition file (docs/competition-file.md)": "berkas kompetisi "
                                                     "(docs/competition-file.md)",
    "override the competition's name": "ganti nama kompetisi",
    "override the year": "ganti tahunnya",
    "short code (default: from name and year)": "kode singkat (bawaan: dari nama dan tahun)",
    "the competition's code (see: judging-app competition list)":
        "kode kompetisi (lihat: judging-app competition list)",
    "where to write it": "tempat menulisnya",
    "first line of the letterhead (PEMERINTAH KOTA …)": "baris pertama kop surat "
                                                        "(PEMERINTAH KOTA …)",
    "second line (the office)": "baris kedua (nama kantor)",
    "address line": "baris alamat",
    "WALI KOTA, BUPATI, GUBERNUR or another title":
        "WALI KOTA, BUPATI, GUBERNUR, atau jabatan lain",
    "the region's name after the title": "nama daerah sesudah jabatan",
    "who signs the decree": "penanda tangan surat keputusan",
    "their NIP": "NIP penanda tangan",
    "where documents are issued": "tempat dokumen diterbitkan",
    "Nomor of the minutes": "Nomor berita acara",
    "NOMOR of the decree (winners list)": "NOMOR surat keputusan (daftar pemenang)",
    "Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)":
        "Asia/Jakarta (WIB), Asia/Makassar (WITA), atau Asia/Jayapura (WIT)",
    "the logo (PNG or JPEG, at most 512 KB)": "logo (PNG atau JPEG, paling besar 512 KB)",
    "remove the logo": "hapus logo",
    "the status to move to (finalizing is: judging-app finalize)":
        "status tujuan (untuk mengesahkan: judging-app finalize)",
    "the round (its code, as in the competition's setup)":
        "tahapnya (kodenya, sesuai pengaturan kompetisi)",
    "why the rubric must change": "alasan rubrik harus diubah",
    "the competition file": "berkas kompetisi",
    "the city competition (finalized for --winners)":
        "kompetisi kota (sudah final untuk --winners)",
    "the regional or national competition (new with --template)":
        "kompetisi tingkat provinsi atau nasional (baru bila memakai --template)",
    "these entries": "inovasi-inovasi ini",
    "the entries with an award in the finalized results":
        "inovasi yang mendapat penghargaan dalam hasil final",
    "the target's category for all of them": "kategori tujuan bagi semuanya",
    "the target's level (default: its own, else national)":
        "tingkat kompetisi tujuan (bawaan: tingkatnya sendiri, jika tidak ada, nasional)",
    "make the target (a new code) from this template, e.g. national_kipp":
        "buat kompetisi tujuan (kode baru) dari templat ini, mis. national_kipp",
    "with --template: the new competition's name": "bersama --template: nama kompetisi baru",
    "with --template: the new competition's year (default: the source's + 1)":
        "bersama --template: tahun kompetisi baru (bawaan: tahun asalnya + 1)",
    # -- units -----------------------------------------------------------------------------
    "the units of a competition": "perangkat daerah sebuah kompetisi",
    "add a unit": "tambah perangkat daerah",
    "give a unit another name": "beri perangkat daerah nama lain",
    "the unit's short code, e.g. DINKES": "kode singkat perangkat daerah, mis. DINKES",
    "the unit's full name, e.g. Dinas Kesehatan":
        "nama lengkap perangkat daerah, mis. Dinas Kesehatan",
    "what kind of unit (dinas, badan, kecamatan, puskesmas, …)":
        "jenis perangkat daerah (dinas, badan, kecamatan, puskesmas, …)",
    # -- entries ---------------------------------------------------------------------------
    "the entries with unit, category and screening status":
        "inovasi beserta perangkat daerah, kategori, dan status seleksinya",
    "one entry with every detail": "satu inovasi dengan semua rinciannya",
    "register one entry": "daftarkan satu inovasi",
    "change an entry's details (only the options given change)":
        "ubah rincian inovasi (hanya opsi yang diberikan yang berubah)",
    "administrative screening: mark entries eligible, disqualified (with a reason) or "
    "withdrawn":
        "seleksi administrasi: tandai inovasi memenuhi syarat, didiskualifikasi (dengan "
        "alasan), atau mengundurkan diri",
    "import entries from .xlsx, .xls, .ods or .csv (all or nothing)":
        "impor inovasi dari .xlsx, .xls, .ods, atau .csv (semua atau tidak sama sekali)",
    "write the entry import template": "tulis templat impor inovasi",
    "attach a folder of documents to entries by their names ('INV-001 proposal.pdf', "
    "'INV-001/...'); shows what goes where first":
        "lampirkan satu folder dokumen ke inovasi menurut namanya ('INV-001 proposal.pdf', "
        "'INV-001/...'); lebih dahulu ditampilkan dokumen mana ke inovasi mana",
    "entries without a proposal (in all, or for one round)":
        "inovasi tanpa proposal (secara keseluruhan, atau untuk satu tahap)",
    "only entries with this status": "hanya inovasi dengan status ini",
    "only this category": "hanya kategori ini",
    "only this government unit": "hanya perangkat daerah ini",
    "the entry's code": "kode inovasi",
    "the entry's code, e.g. INV-012": "kode inovasi, mis. INV-012",
    "the innovation's title": "judul inovasi",
    "the government unit's code (see: judging-app units list)":
        "kode perangkat daerah (lihat: judging-app units list)",
    "the category's code": "kode kategori",
    "the innovators' names": "nama para inovator",
    "contact person, telephone or e-mail": "narahubung, telepon, atau surel",
    "stage of the innovation (inisiatif, uji coba, penerapan)":
        "tahapan inovasi (initiative = inisiatif, trial = uji coba, implementation = "
        "penerapan)",
    "digital or non-digital": "digital atau non-digital",
    "when the innovation started": "kapan inovasi dimulai",
    "a short description": "uraian singkat",
    "links to evidence documents (bukti dukung), one per line":
        "tautan ke bukti dukung, satu per baris",
    "the entry to change": "inovasi yang diubah",
    "a new code for the entry": "kode baru bagi inovasi",
    "the government unit's code": "kode perangkat daerah",
    "entries that meet the requirements": "inovasi yang memenuhi syarat",
    "every entry not screened yet (still registered) meets them":
        "setiap inovasi yang belum diseleksi (masih terdaftar) memenuhi syarat",
    "entries disqualified (needs --reason; recorded as a decision)":
        "inovasi yang didiskualifikasi (memerlukan --reason; dicatat sebagai keputusan)",
    "entries withdrawn by their unit (needs --reason)":
        "inovasi yang ditarik oleh perangkat daerahnya (memerlukan --reason)",
    "why (for --disqualify and --withdraw)": "alasannya (untuk --disqualify dan --withdraw)",
    "the filled entry template, or any list with its columns (docs/entry-import.md)":
        "templat inovasi yang sudah diisi, atau daftar apa pun dengan kolom-kolomnya "
        "(docs/entry-import.md)",
    "the sheet to read (default: the first)":
        "lembar kerja yang dibaca (bawaan: yang pertama)",
    "create the government units the file names that do not exist yet":
        "buat perangkat daerah yang disebut dalam berkas tetapi belum ada",
    "check the file and show what would be imported; write nothing":
        "periksa berkas dan tampilkan yang akan diimpor; tidak menulis apa pun",
    "the folder holding the documents": "folder berisi dokumen-dokumennya",
    "the competition's code": "kode kompetisi",
    "every file this kind (default: 'proposal' when the name says proposal or usulan, else "
    "'evidence')":
        "jenis setiap berkas (bawaan: 'proposal' bila namanya memuat proposal atau usulan, "
        "jika tidak, 'evidence' = bukti dukung)",
    "attach for this round only": "lampirkan untuk tahap ini saja",
    "a file whose name the entry already has replaces the old content":
        "berkas yang namanya sudah dimiliki inovasi menggantikan isi lamanya",
    "check every file and show what would be attached; write nothing":
        "periksa setiap berkas dan tampilkan yang akan dilampirkan; tidak menulis apa pun",
    "documents for this round (default: any)":
        "dokumen untuk tahap ini (bawaan: tahap mana pun)",
    "machine-readable": "untuk dibaca mesin",
    # -- judges ----------------------------------------------------------------------------
    "the judges with their unit, role and conflicts of interest":
        "juri beserta perangkat daerah, peran, dan konflik kepentingannya",
    "enrol a judge": "daftarkan seorang juri",
    "change a judge's details (only the options given change)":
        "ubah rincian juri (hanya opsi yang diberikan yang berubah)",
    "make a judge inactive: no new assignments; the assignments not started yet are "
    "removed, sheets started are kept":
        "nonaktifkan juri: tidak ada penugasan baru; penugasan yang belum dimulai dihapus, "
        "lembar penilaian yang sudah dimulai disimpan",
    "make an inactive judge active again": "aktifkan kembali juri yang nonaktif",
    "add the judges listed in a spreadsheet or CSV file, all or nothing (columns kode, "
    "nama, instansi, perangkat daerah, surel, telepon, peran; see docs/cli.md)":
        "tambahkan juri yang tercantum dalam lembar kerja atau berkas CSV, semua atau tidak "
        "sama sekali (kolom kode, nama, instansi, perangkat daerah, surel, telepon, peran; "
        "lihat docs/cli.md)",
    "the judge's short code, e.g. J06": "kode singkat juri, mis. J06",
    "full name with titles, as on the decree":
        "nama lengkap dengan gelar, seperti pada surat keputusan",
    "university, office or organisation": "universitas, kantor, atau organisasi",
    "the government unit the judge belongs to (conflicts of interest with its entries are "
    "then recorded automatically)":
        "perangkat daerah tempat juri bernaung (konflik kepentingan dengan inovasinya lalu "
        "dicatat otomatis)",
    "e-mail address": "alamat surel",
    "telephone number": "nomor telepon",
    "judge, or chair of the panel (decides ties)":
        "juri, atau ketua dewan juri (memutuskan nilai sama)",
    "the judge to change": "juri yang diubah",
    "a new code for the judge": "kode baru bagi juri",
    "full name with titles": "nama lengkap dengan gelar",
    "the judge belongs to no unit": "juri tidak bernaung di perangkat daerah mana pun",
    "the judge's code": "kode juri",
    ".xlsx, .xls, .ods or .csv": "berkas .xlsx, .xls, .ods, atau .csv",
    "check the file and list who would be added; write nothing":
        "periksa berkas dan tampilkan siapa yang akan ditambahkan; tidak menulis apa pun",
    # -- conflicts -------------------------------------------------------------------------
    "every conflict of interest, automatic (same unit) and declared":
        "setiap konflik kepentingan, otomatis (perangkat daerah yang sama) dan yang "
        "dinyatakan",
    "record that a judge must not score an entry (the judge's assignment and draft sheet "
    "for it are removed)":
        "catat bahwa seorang juri tidak boleh menilai sebuah inovasi (penugasan dan lembar "
        "penilaian draf juri untuknya dihapus)",
    "withdraw a declared conflict (the judge may be assigned again)":
        "tarik kembali konflik yang dinyatakan (juri boleh ditugaskan lagi)",
    "only this judge's": "hanya milik juri ini",
    "the judge": "jurinya",
    "the entry": "inovasinya",
    "professional or personal ties, or other (explain with --explanation)":
        "hubungan profesional atau pribadi, atau lainnya (jelaskan dengan --explanation)",
    "what the tie is (needed for other)":
        "bentuk hubungannya (wajib untuk other = lainnya)",
    # -- assign ----------------------------------------------------------------------------
    "Assign judges to the entries of a round. Automatically: judging-app assign "
    "--competition C --auto --per-entry 3 [--preview]. By hand: assign add|remove. See: "
    "assign list.":
        "Tugaskan juri pada inovasi sebuah tahap. Otomatis: judging-app assign "
        "--competition C --auto --per-entry 3 [--preview]. Manual: assign add|remove. Lihat: "
        "assign list.",
    "the scored round (default: the last round with assignments, else the first scored "
    "round)":
        "tahap yang dinilai (bawaan: tahap terakhir yang memiliki penugasan, jika tidak ada, "
        "tahap pertama yang dinilai)",
    "give every entry of the round --per-entry judges, loads within one (existing "
    "assignments are kept; conflicts of interest respected)":
        "beri setiap inovasi pada tahap ini sejumlah --per-entry juri, beban antarjuri "
        "berselisih paling banyak satu (penugasan yang ada dipertahankan; konflik "
        "kepentingan dihormati)",
    "judges per entry, with --auto": "jumlah juri per inovasi, bersama --auto",
    "with --auto: show what would be added and each judge's load; write nothing":
        "bersama --auto: tampilkan yang akan ditambahkan dan beban setiap juri; tidak "
        "menulis apa pun",
    "assign a judge to entries by hand": "tugaskan seorang juri pada inovasi secara manual",
    "remove a judge's assignments (not once the judge has started the sheet)":
        "hapus penugasan seorang juri (tidak bisa setelah juri mulai mengisi lembar "
        "penilaian)",
    "each entry's judges and each judge's load in the round":
        "juri setiap inovasi dan beban setiap juri pada tahap ini",
    "the entries' codes": "kode-kode inovasi",
}
