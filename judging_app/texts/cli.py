"""What the command line prints for people (judging_app/cli): confirmations, summaries,
progress, the frame of errors and warnings, the results and fairness tables' words."""

TEXTS = {
    # -- the frame ---------------------------------------------------------------------------
    "cli.error": ("error: {problem}", "kesalahan: {problem}"),
    "cli.warning": ("  warning: {warning}", "  peringatan: {warning}"),
    "cli.note": ("  note: {note}", "  catatan: {note}"),
    "cli.problem": ("  problem: {problem}", "  masalah: {problem}"),
    "cli.ask_name": (
        "Your name (recorded with every change you make): ",
        "Nama Anda (dicatat pada setiap perubahan yang Anda buat): ",
    ),
    "cli.ask_login": ("Login: ", "Nama login: "),
    "cli.ask_password": ("Password for {login}: ", "Kata sandi {login}: "),
    "cli.ask_new_password": ("New password for {login}: ", "Kata sandi baru untuk {login}: "),
    "cli.ask_again": ("Type it again: ", "Ketik sekali lagi: "),
    "cli.ask_passphrase": ("Passphrase of the key file: ", "Frasa sandi berkas kunci: "),
    "cli.people_disabled": (" (disabled)", " (dinonaktifkan)"),
    "cli.wrote": ("Wrote {path}", "Ditulis: {path}"),
    "cli.wrote_pages": (
        "Wrote {path}: {pages:count} {pages:plural:page:pages}.",
        "Ditulis: {path}: {pages:count} halaman.",
    ),
    "cli.files_refused": (
        "{refused:count} of {total:count} {total:plural:file:files} refused; nothing was "
        "imported from them.",
        "{refused:count} dari {total:count} berkas ditolak; tidak ada yang diimpor dari berkas "
        "tersebut.",
    ),
    "cli.progress.packages": ("{done}/{total} packages", "{done}/{total} paket"),
    "cli.progress.workbooks": ("{done}/{total} workbooks", "{done}/{total} lembar penilaian Excel"),
    # -- demo --------------------------------------------------------------------------------
    "cli.demo.made": ("Demo competition '{code}' in {where}", "Kompetisi demo '{code}' di {where}"),
    "cli.demo.number": ("  number: {value}", "  nomor: {value}"),
    "cli.demo.round": ("  round: {value}", "  tahap: {value}"),
    "cli.demo.seed": ("  seed: {value}", "  benih acak: {value}"),
    "cli.demo.units": ("  units: {value:count}", "  perangkat daerah: {value:count}"),
    "cli.demo.entries": ("  entries: {value:count}", "  inovasi: {value:count}"),
    "cli.demo.eligible": ("  eligible: {value:count}", "  memenuhi syarat: {value:count}"),
    "cli.demo.judges": ("  judges: {value:count}", "  juri: {value:count}"),
    "cli.demo.conflicts": (
        "  conflicts of interest: {value:count}",
        "  konflik kepentingan: {value:count}",
    ),
    "cli.demo.assignments": ("  assignments: {value:count}", "  penugasan: {value:count}"),
    "cli.demo.sheets": ("  score sheets: {value:count}", "  lembar penilaian: {value:count}"),
    "cli.demo.draft_sheets": ("  of them drafts: {value:count}", "  di antaranya draf: {value:count}"),
    "cli.demo.scores": ("  scores: {value:count}", "  nilai: {value:count}"),
    "cli.demo.declared_conflict": (
        "  declared conflict of interest: judge {judge} with {entry}",
        "  konflik kepentingan yang dinyatakan: juri {judge} dengan {entry}",
    ),
    "cli.demo.lenient_judges": (
        "  lenient judges: {codes}",
        "  juri yang cenderung murah memberi nilai: {codes}",
    ),
    "cli.demo.severe_judges": (
        "  severe judges: {codes}",
        "  juri yang cenderung ketat memberi nilai: {codes}",
    ),
    "cli.demo.tie_pairs": (
        "  entries scored identically: {pairs}",
        "  inovasi dengan nilai yang persis sama: {pairs}",
    ),
    # -- competitions ------------------------------------------------------------------------
    "cli.no_competitions": (
        "No competitions in {where}. Try: judging-app demo",
        "Belum ada kompetisi di {where}. Coba: judging-app demo",
    ),
    "cli.competition_row": (
        "{code}\t{year}\t{status}\t{entries:count} {entries:plural:entry:entries}\t"
        "{judges:count} {judges:plural:judge:judges}\t{name}",
        "{code}\t{year}\t{status}\t{entries:count} inovasi\t{judges:count} juri\t{name}",
    ),
    "cli.competition_created": (
        "Created competition '{code}': {name} ({year})",
        "Kompetisi '{code}' dibuat: {name} ({year})",
    ),
    "cli.scores_imported": (
        "Imported {scores:count} {scores:plural:score:scores} on {sheets:count} "
        "{sheets:plural:sheet:sheets} ({submitted:count} submitted; {created:count} new, "
        "{updated:count} updated, {unchanged:count} unchanged).",
        "Diimpor {scores:count} nilai pada {sheets:count} lembar penilaian ({submitted:count} "
        "terkirim; {created:count} baru, {updated:count} diperbarui, {unchanged:count} tidak "
        "berubah).",
    ),
    "cli.documents.logo": ("logo\t{size:count} bytes", "logo\t{size:count} bita"),
    # -- database ----------------------------------------------------------------------------
    "cli.db.at_schema": ("{where} is at schema {head}.", "{where} berada pada skema {head}."),
    "cli.db.previous_copied": (
        "The previous version was copied to {path}.",
        "Versi sebelumnya disalin ke {path}.",
    ),
    "cli.db.backup_written": ("Backup written to {path}", "Cadangan ditulis ke {path}"),
    "cli.db.totals_ok": (
        "Per-entry totals are in step with the scores.",
        "Total per inovasi sesuai dengan nilai.",
    ),
    "cli.db.totals_differ": (
        "per-entry totals differ from the scores:",
        "total per inovasi berbeda dari nilai:",
    ),
    "cli.db.totals_repaired": (
        "They were recomputed from the scores.",
        "Total tersebut telah dihitung ulang dari nilai.",
    ),
    # -- results, ties, advancement, finalizing ------------------------------------------------
    "cli.tie_recorded": (
        "Recorded the chair's order: {order}",
        "Urutan dari ketua dewan juri telah dicatat: {order}",
    ),
    "cli.advance.summary": (
        "Round {round} ({rule}): {count:count} go on: {codes}",
        "Tahap {round} ({rule}): {count:count} lanjut: {codes}",
    ),
    "cli.advance.tied": (
        "  tied on the cut-off (the chair decides): {codes}",
        "  bernilai sama pada batas kelulusan (ketua dewan juri memutuskan): {codes}",
    ),
    "cli.advance.not_ranked": (
        "  not ranked (missing sheets): {codes}",
        "  belum masuk peringkat (lembar penilaian kurang): {codes}",
    ),
    "cli.finalized": (
        "Results finalized. Snapshot digest (SHA-256): {digest}",
        "Hasil telah disahkan. Sidik rekaman hasil (SHA-256): {digest}",
    ),
    # -- packages and workbooks ----------------------------------------------------------------
    "cli.packages_written": (
        "{count:count} {count:plural:package:packages}. Each holds its judge's signing key: "
        "send it to that judge only.",
        "{count:count} paket juri. Setiap paket memuat kunci tanda tangan jurinya: kirimkan "
        "hanya kepada juri tersebut.",
    ),
    "cli.workbooks_written": (
        "{count:count} score {count:plural:workbook:workbooks}. Send each to its judge only.",
        "{count:count} lembar penilaian Excel. Kirimkan masing-masing hanya kepada jurinya.",
    ),
    # -- entries -----------------------------------------------------------------------------
    "cli.entries.preview": (
        "{source}: header on row {row}, {count:count} {count:plural:entry:entries}",
        "{source}: judul kolom pada baris {row}, {count:count} inovasi",
    ),
    "cli.entries.preview_sheet": (
        "{source}: sheet '{sheet}', header on row {row}, {count:count} "
        "{count:plural:entry:entries}",
        "{source}: lembar kerja '{sheet}', judul kolom pada baris {row}, {count:count} inovasi",
    ),
    "cli.entries.category": ("  category {code}: {count:count}", "  kategori {code}: {count:count}"),
    "cli.entries.new_unit": (
        "  new unit {code}: {name} ({rows:count} {rows:plural:row:rows}, first on row {first})",
        "  perangkat daerah baru {code}: {name} ({rows:count} baris, pertama pada baris {first})",
    ),
    "cli.entries.new_unit_similar": (
        "  new unit {code}: {name} ({rows:count} {rows:plural:row:rows}, first on row {first}) "
        "(looks like '{similar}')",
        "  perangkat daerah baru {code}: {name} ({rows:count} baris, pertama pada baris {first}) "
        "(mirip '{similar}')",
    ),
    "cli.entries.imported": (
        "Imported {count:count} {count:plural:entry:entries} from {source}.",
        "Diimpor {count:count} inovasi dari {source}.",
    ),
    "cli.entries.imported_sheet": (
        "Imported {count:count} {count:plural:entry:entries} from {source} (sheet '{sheet}').",
        "Diimpor {count:count} inovasi dari {source} (lembar kerja '{sheet}').",
    ),
    "cli.entries.unit_created": (
        "  created unit {code}: {name}",
        "  perangkat daerah dibuat {code}: {name}",
    ),
    # -- the results table (cli/results_text.py) ----------------------------------------------
    "cli.results.title": ("{name} ({code}) — rounds: {rounds}", "{name} ({code}) — tahap: {rounds}"),
    "cli.results.method": ("method: {method}; {formula}", "metode: {method}; {formula}"),
    "cli.results.group": ("== category {name}", "== kategori {name}"),
    "cli.results.overall": ("== overall: all categories", "== keseluruhan: semua kategori"),
    "cli.results.overall_short": ("overall", "keseluruhan"),
    "cli.results.category": ("category “{name}”", "kategori “{name}”"),
    "cli.results.column.rank": ("rank", "peringkat"),
    "cli.results.column.award": ("award", "penghargaan"),
    "cli.results.column.code": ("code", "kode"),
    "cli.results.column.score": ("score", "nilai"),
    "cli.results.column.flags": ("flags", "tanda"),
    "cli.results.column.title": ("title", "judul"),
    "cli.results.flag.undecided": ("TIE-UNDECIDED", "SAMA-BELUM-DIPUTUS"),
    "cli.results.flag.tie": ("tie", "nilai-sama"),
    "cli.results.flag.decided_by": ("by {rule}", "oleh {rule}"),
    "cli.results.flag.incomplete": ("incomplete", "belum-lengkap"),
    "cli.results.flag.fallback": ("mean-fallback", "rata-rata-biasa"),
    "cli.results.note": ("note: {note}", "catatan: {note}"),
    "cli.results.undecided_tie": (
        "undecided tie on an award boundary ({group}, rank {rank}): {codes} — record the "
        "chair's decision: judging-app decide-tie",
        "nilai sama yang belum diputuskan pada batas penghargaan ({group}, peringkat {rank}): "
        "{codes} — catat keputusan ketua dewan juri: judging-app decide-tie",
    ),
    "cli.results.can_finalize": ("results can be finalized", "hasil dapat disahkan"),
    "cli.results.cannot_finalize": (
        "results cannot be finalized yet",
        "hasil belum dapat disahkan",
    ),
    # -- the fairness report --------------------------------------------------------------------
    "cli.fairness.title": (
        "Fairness evidence for {code}",
        "Bukti keadilan penilaian untuk {code}",
    ),
    "cli.fairness.panel": (
        "== round {round}, category {category}",
        "== tahap {round}, kategori {category}",
    ),
    "cli.fairness.panel_all": (
        "== round {round}, all categories",
        "== tahap {round}, semua kategori",
    ),
    "cli.fairness.icc": (
        "ICC on {entries:count} {entries:plural:entry:entries} × {judges:count} "
        "{judges:plural:judge:judges}: {values}",
        "ICC pada {entries:count} inovasi × {judges:count} juri: {values}",
    ),
    "cli.fairness.kendall": ("Kendall's W: {w}", "W Kendall: {w}"),
    "cli.fairness.legend": (
        "How to read it. ICC (intraclass correlation, 0 to 1; higher is better): how far the "
        "judges' totals agree on the same entries. ICC(1,·) treats every judge as a random "
        "stranger, ICC(2,·) counts a harsh or lenient judge against agreement, ICC(3,·) only "
        "asks whether the judges order the entries alike; ·,1 is the reliability of one "
        "judge's total, ·,k of the panel's mean. Below 0.5 the judges hardly agree, above "
        "0.75 they agree well. Kendall's W (0 to 1): how far the judges agree on the order "
        "of the entries (1 = the same order). Mean and spread: a judge's average total and "
        "how widely their totals vary. Severity: the judge's mean difference from the other "
        "judges on the same entries (below 0 = harsher, above 0 = more lenient).",
        "Cara membacanya. ICC (korelasi intrakelas, 0 sampai 1; makin tinggi makin baik): "
        "seberapa jauh nilai total para juri sepakat pada inovasi yang sama. ICC(1,·) "
        "memperlakukan setiap juri sebagai orang asing acak, ICC(2,·) menghitung juri yang "
        "ketat atau longgar sebagai ketidaksepakatan, ICC(3,·) hanya menanyakan apakah para "
        "juri mengurutkan inovasi dengan cara yang sama; ·,1 adalah keandalan nilai total satu "
        "juri, ·,k keandalan rata-rata panel. Di bawah 0,5 para juri hampir tidak sepakat, di "
        "atas 0,75 mereka sepakat dengan baik. W Kendall (0 sampai 1): seberapa jauh para juri "
        "sepakat tentang urutan inovasi (1 = urutan yang sama). Rata-rata dan sebaran: nilai "
        "total rata-rata seorang juri dan seberapa lebar nilai totalnya bervariasi. Keketatan: "
        "selisih rata-rata juri itu dari juri lain pada inovasi yang sama (di bawah 0 = lebih "
        "ketat, di atas 0 = lebih longgar).",
    ),
    "cli.fairness.agreement": ("agreement: {note}", "kesepakatan antarjuri: {note}"),
    "cli.fairness.judge": ("judge", "juri"),
    "cli.fairness.sheets": ("sheets", "lembar"),
    "cli.fairness.mean": ("mean", "rata-rata"),
    "cli.fairness.spread": ("spread", "sebaran"),
    "cli.fairness.severity": ("severity", "keketatan"),
    "cli.fairness.outliers": (
        "  outlier sheets (differ from the others' mean by more than {limit}):",
        "  lembar pencilan (berbeda dari rata-rata juri lain lebih dari {limit}):",
    ),
    "cli.fairness.outlier": (
        "    {entry} by {judge}: {total} vs {others}",
        "    {entry} oleh {judge}: {total} dibanding {others}",
    ),
    "cli.fairness.stability": (
        "rank stability: {count:count} {count:plural:entry changes:entries change} award with "
        "the method",
        "stabilitas peringkat: {count:count} inovasi berganti penghargaan bila metodenya diganti",
    ),
}
