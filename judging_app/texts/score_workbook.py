"""Reading and importing Excel score workbooks (exchange/score_workbook_read.py,
services/score_workbooks.py)."""

TEXTS = {
    "score_workbook.older_copy": (
        "this is an older copy of a score sheet already imported: it was saved {saved:datetime}, "
        "the copy imported {imported:datetime} by {actor} ({file}) was saved "
        "{imported_saved:datetime}; "
        "importing it could overwrite newer scores, so it was refused. If this copy really "
        "holds the latest scores, open it in Excel, save it again and import it",
        "ini salinan lama dari lembar nilai yang sudah diimpor: disimpan {saved:datetime}, "
        "salinan yang diimpor {imported:datetime} oleh {actor} ({file}) disimpan "
        "{imported_saved:datetime}; "
        "mengimpornya dapat menimpa nilai yang lebih baru, jadi ditolak. Jika salinan ini "
        "memang berisi nilai terbaru, buka di Excel, simpan lagi, lalu impor",
    ),
    "score_workbook.bad_number": (
        "sheet {sheet}, cell {cell} (entry {entry}, criterion {criterion}): {problem}",
        "lembar {sheet}, sel {cell} (inovasi {entry}, kriteria {criterion}): {problem}",
    ),
}

TEXTS.update({
    "score_workbook.not_ours": (
        "this workbook is not a judging-app score sheet: it has no identity (the hidden sheet "
        "'{sheet}'); import the workbook exported for the judge, as filled in",
        "buku kerja ini bukan lembar nilai judging-app: tidak ada identitasnya (lembar "
        "tersembunyi '{sheet}'); impor buku kerja yang diekspor untuk juri, sebagaimana diisi",
    ),
    "score_workbook.keep_as_sent": (
        "use the workbook exactly as it was sent (columns, rows and sheets unchanged), or ask "
        "the secretariat for a new one",
        "gunakan buku kerja persis seperti saat dikirim (kolom, baris, dan lembar tidak "
        "diubah), atau mintalah yang baru kepada sekretariat",
    ),
    "score_workbook.with_advice": ("{problem}; {advice}", "{problem}; {advice}"),
    "score_workbook.not_spreadsheet": (
        "this is not a spreadsheet: expected the Excel score workbook (.xlsx) exported for the "
        "judge, as filled in",
        "berkas ini bukan lembar kerja: seharusnya buku kerja nilai Excel (.xlsx) yang "
        "diekspor untuk juri, sebagaimana diisi",
    ),
    "score_workbook.csv": (
        "this is a CSV file, not a score workbook: import the Excel workbook (.xlsx) exported "
        "for the judge, as filled in",
        "berkas ini CSV, bukan buku kerja nilai: impor buku kerja Excel (.xlsx) yang diekspor "
        "untuk juri, sebagaimana diisi",
    ),
    "score_workbook.xls": (
        "this is an old-format Excel workbook (.xls); a score workbook must stay an Excel "
        "Workbook (.xlsx): open the file the judge received and save it as .xlsx",
        "berkas ini buku kerja Excel format lama (.xls); buku kerja nilai harus tetap buku "
        "kerja Excel (.xlsx): buka berkas yang diterima juri dan simpan sebagai .xlsx",
    ),
    "score_workbook.ods": (
        "this is an OpenDocument spreadsheet (.ods); a score workbook must stay an Excel "
        "Workbook (.xlsx): save it as .xlsx",
        "berkas ini lembar kerja OpenDocument (.ods); buku kerja nilai harus tetap buku kerja "
        "Excel (.xlsx): simpan sebagai .xlsx",
    ),
    "score_workbook.damaged": (
        "the workbook is damaged or protected ({detail})",
        "buku kerja rusak atau dilindungi ({detail})",
    ),
    "score_workbook.beyond_table": (
        "the sheet '{sheet}' holds values down to row {height:count} and across to column "
        "{column}; it was issued with {entries} entries in rows {first}–{last}: delete what "
        "was added below or beside the table, or {advice}",
        "lembar '{sheet}' berisi nilai sampai baris {height:count} dan kolom {column}; lembar "
        "ini diterbitkan dengan {entries} inovasi pada baris {first}–{last}: hapus yang "
        "ditambahkan di bawah atau di samping tabel, atau {advice}",
    ),
    "score_workbook.password": (
        "the workbook is protected with a password to open; remove the password in Excel and "
        "save it again",
        "buku kerja dilindungi kata sandi untuk membukanya; hapus kata sandinya di Excel dan "
        "simpan lagi",
    ),
    "score_workbook.unreadable": (
        "this workbook cannot be read; it may be damaged ({detail})",
        "buku kerja ini tidak dapat dibaca; mungkin rusak ({detail})",
    ),
    "score_workbook.identity_formulas": (
        "the score sheet's identity (hidden sheet '{sheet}') holds formulas: it was altered",
        "identitas lembar nilai (lembar tersembunyi '{sheet}') berisi rumus: lembar telah "
        "diubah",
    ),
    "score_workbook.data_sheet_missing": (
        "the sheet '{sheet}' with the scores is missing (renamed or deleted); {advice}",
        "lembar '{sheet}' yang berisi nilai tidak ada (diganti nama atau dihapus); {advice}",
    ),
    "score_workbook.sheet_unreadable": (
        "the sheet '{sheet}' cannot be read; the workbook may be damaged ({detail})",
        "lembar '{sheet}' tidak dapat dibaca; buku kerja mungkin rusak ({detail})",
    ),
    "score_workbook.identity_damaged": (
        "the score sheet's identity (hidden sheet '{sheet}') is damaged or was altered: "
        "{detail}",
        "identitas lembar nilai (lembar tersembunyi '{sheet}') rusak atau telah diubah: "
        "{detail}",
    ),
    "score_workbook.identity.entry_row": (
        "row {row} should name a row number and an entry code",
        "baris {row} seharusnya menyebut nomor baris dan kode inovasi",
    ),
    "score_workbook.identity.twice": (
        "'{key}' is given twice (rows {first} and {row})",
        "'{key}' tercantum dua kali (baris {first} dan {row})",
    ),
    "score_workbook.identity.missing": ("'{key}' is missing", "'{key}' tidak ada"),
    "score_workbook.identity.version": (
        "the format version {version} is not valid",
        "versi format {version} tidak sah",
    ),
    "score_workbook.newer": (
        "this score sheet was made by a newer version of judging-app (format version "
        "{version}; this version reads up to {supported}); install the newer version to "
        "import it",
        "lembar nilai ini dibuat oleh versi judging-app yang lebih baru (versi format "
        "{version}; versi ini membaca sampai {supported}); pasang versi yang lebih baru untuk "
        "mengimpornya",
    ),
    "score_workbook.identity.unknown": (
        "unknown key(s) {keys}",
        "kunci tidak dikenal: {keys}",
    ),
    "score_workbook.identity.signature": (
        "the signature is missing or malformed",
        "tanda tangan tidak ada atau cacat",
    ),
    "score_workbook.identity.round_kind": (
        "the round is marked {found}, not one of {allowed}",
        "tahap ditandai {found}, bukan salah satu dari {allowed}",
    ),
    "score_workbook.identity.empty_ids": (
        "the competition, round, judge or workbook id is empty",
        "kode kompetisi, tahap, juri, atau buku kerja kosong",
    ),
    "score_workbook.identity.layout": (
        "the column layout lacks the entry code or the criteria",
        "susunan kolom tidak memuat kode inovasi atau kriteria",
    ),
    "score_workbook.identity.column_row": (
        "row {row} is not a column of the layout",
        "baris {row} bukan kolom dari susunan",
    ),
    "score_workbook.identity.scale": (
        "row {row}: the scale of criterion '{criterion}' is not valid",
        "baris {row}: skala kriteria '{criterion}' tidak sah",
    ),
    "score_workbook.identity.no_scale": (
        "row {row}: criterion '{criterion}' has no valid scale",
        "baris {row}: kriteria '{criterion}' tidak memiliki skala yang sah",
    ),
    "score_workbook.header.moved": ("columns were moved", "kolom dipindahkan"),
    "score_workbook.header.changed": (
        "columns were moved, inserted or deleted",
        "kolom dipindahkan, disisipkan, atau dihapus",
    ),
    "score_workbook.header.empty": (
        "sheet {sheet}, column {column}: the header should be '{header}' but cell {cell} is "
        "empty ({how})",
        "lembar {sheet}, kolom {column}: judul kolom seharusnya '{header}' tetapi sel {cell} "
        "kosong ({how})",
    ),
    "score_workbook.header.elsewhere": (
        "sheet {sheet}, column {column}: it holds the column '{found}', which was issued in "
        "column {other}, instead of '{header}' ({how})",
        "lembar {sheet}, kolom {column}: berisi kolom '{found}', yang diterbitkan di kolom "
        "{other}, bukan '{header}' ({how})",
    ),
    "score_workbook.header.renamed": (
        "sheet {sheet}, cell {cell}: the header '{found}' should be '{header}' (the column was "
        "renamed, or {how})",
        "lembar {sheet}, sel {cell}: judul kolom '{found}' seharusnya '{header}' (kolom "
        "diganti nama, atau {how})",
    ),
    "score_workbook.header.extra": (
        "sheet {sheet}, column {column}: an extra column '{found}' that this score sheet was "
        "not issued with",
        "lembar {sheet}, kolom {column}: kolom tambahan '{found}' yang tidak ada saat lembar "
        "nilai ini diterbitkan",
    ),
    "score_workbook.no_code": (
        "sheet {sheet}, row {row}: scores without an entry code (cell {cell} is empty)",
        "lembar {sheet}, baris {row}: nilai tanpa kode inovasi (sel {cell} kosong)",
    ),
    "score_workbook.not_issued": (
        "sheet {sheet}, cell {cell}: entry '{entry}' is not on this score sheet (it was issued "
        "with {count} entries for judge {judge}; rows cannot be added)",
        "lembar {sheet}, sel {cell}: inovasi '{entry}' tidak ada di lembar nilai ini "
        "(diterbitkan dengan {count} inovasi untuk juri {judge}; baris tidak dapat "
        "ditambahkan)",
    ),
    "score_workbook.twice": (
        "sheet {sheet}, cell {cell}: entry '{entry}' appears twice (first on row {first})",
        "lembar {sheet}, sel {cell}: inovasi '{entry}' muncul dua kali (pertama pada baris "
        "{first})",
    ),
    "score_workbook.formula": (
        "a formula; type the score as a number.",
        "berisi rumus; ketik nilainya sebagai angka.",
    ),
    "score_workbook.error_value": (
        "an Excel error value (such as #N/A or #DIV/0!), not a score; type the score, or "
        "leave the cell empty",
        "nilai galat Excel (misalnya #DIV/0! atau #REF!), bukan nilai; ketik nilainya, atau "
        "kosongkan selnya",
    ),
    "score_workbook.merged": (
        "sheet {sheet}: cells {cells} are merged; unmerge them and type one score in each "
        "cell, or use the workbook exactly as it was sent",
        "lembar {sheet}: sel {cells} digabung; pisahkan lagi dan ketik satu nilai di setiap "
        "sel, atau gunakan buku kerja persis seperti saat dikirim",
    ),
    "score_workbook.data_sheet_hidden": (
        "the sheet '{sheet}' with the scores is hidden, so what was imported would not be "
        "what you see; unhide it (right-click a sheet tab, Unhide), check its scores and save "
        "again",
        "lembar '{sheet}' yang berisi nilai disembunyikan, sehingga yang diimpor bukan yang "
        "terlihat; tampilkan lagi (klik kanan tab lembar, Unhide/Tampilkan), periksa nilainya, "
        "lalu simpan lagi",
    ),
    "score_workbook.date": (
        "{value} is a date or time, not a score.",
        "{value} adalah tanggal atau waktu, bukan nilai.",
    ),
    "score_workbook.off_scale": (
        "{value:number} is outside the scale {low:number}–{high:number}.",
        "{value:number} di luar skala {low:number}–{high:number}.",
    ),
    "score_workbook.off_step": (
        "{value:number} is not on the scale's step of {step:number}.",
        "{value:number} tidak sesuai dengan langkah skala {step:number}.",
    ),
    "score_workbook.comment_formula": (
        "sheet {sheet}, cell {cell}: a formula in the comment (entry {entry}); type the "
        "comment as text",
        "lembar {sheet}, sel {cell}: ada rumus di komentar (inovasi {entry}); ketik komentar "
        "sebagai teks",
    ),
})
