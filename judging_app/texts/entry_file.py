"""Reading entry lists (exchange/entry_guard.py, entry_reader.py, entry_format.py) and
checking them against the competition (services/entry_import.py): what is wrong, where
(sheet, cell or row as the spreadsheet shows it, the column's header) and what to do."""

TEXTS = {
    # where a problem is: "sheet 'Data', cell C7 (Judul): …"
    "entry_file.problem_at": ("{where}: {problem}", "{where}: {problem}"),
    "entry_file.where.sheet": ("sheet '{sheet}'", "lembar '{sheet}'"),
    "entry_file.where.cell": ("cell {cell}", "sel {cell}"),
    "entry_file.where.row": ("row {row}", "baris {row}"),
    "entry_file.where.column": ("column {column}", "kolom {column}"),
    "entry_file.where.with_header": ("{where} ({header})", "{where} ({header})"),
    "entry_file.where.header": ("({header})", "({header})"),
    # what the file is
    "entry_file.no_file": (
        "the file does not exist (or is a folder)",
        "berkas tidak ada (atau berupa folder)",
    ),
    "entry_file.empty_file": ("the file is empty (0 bytes)", "berkas kosong (0 bita)"),
    "entry_file.file_too_large": (
        "the file is {mb:count} MB; at most {limit} MB can be imported",
        "berkas berukuran {mb:count} MB; paling banyak {limit} MB dapat diimpor",
    ),
    "entry_file.pdf": (
        "this is a PDF document, not a spreadsheet",
        "berkas ini dokumen PDF, bukan lembar kerja",
    ),
    "entry_file.html": (
        "this is a web page (HTML) with a spreadsheet's name; open it in Excel and save it as "
        "an Excel workbook (.xlsx)",
        "berkas ini halaman web (HTML) dengan nama lembar kerja; buka di Excel dan simpan "
        "sebagai buku kerja Excel (.xlsx)",
    ),
    "entry_file.not_spreadsheet": (
        "this is not a spreadsheet: expected an Excel workbook (.xlsx, .xls), an OpenDocument "
        "spreadsheet (.ods) or a CSV file",
        "berkas ini bukan lembar kerja: seharusnya buku kerja Excel (.xlsx, .xls), lembar "
        "kerja OpenDocument (.ods), atau berkas CSV",
    ),
    "entry_file.encrypted": (
        "the workbook is encrypted (protected with a password to open); remove the password "
        "in Excel ({menu}) and save it again",
        "buku kerja dienkripsi (dilindungi kata sandi untuk membukanya); hapus kata sandinya "
        "di Excel ({menu}) dan simpan lagi",
    ),
    "entry_file.bad_zip": (
        "the file is damaged: it is not a readable zip archive (an .xlsx or .ods is one) "
        "({detail})",
        "berkas rusak: bukan arsip zip yang dapat dibaca (.xlsx dan .ods adalah arsip zip) "
        "({detail})",
    ),
    "entry_file.too_many_members": (
        "the archive holds {count:count} files; a workbook has far fewer",
        "arsip berisi {count:count} berkas; buku kerja berisi jauh lebih sedikit",
    ),
    "entry_file.zip_bomb": (
        "refused as a possible zip bomb",
        "ditolak karena mungkin bom zip",
    ),
    "entry_file.split": (
        "too large to import; split the list into files of at most {rows:count} rows",
        "terlalu besar untuk diimpor; pecah daftar menjadi beberapa berkas berisi paling "
        "banyak {rows:count} baris",
    ),
    "entry_file.would_unpack": (
        "unpacked, the file would take {mb:count} MB (more than {limit} MB): {why}",
        "setelah dibuka, berkas akan berukuran {mb:count} MB (lebih dari {limit} MB): {why}",
    ),
    "entry_file.compressed": (
        "the part '{part}' is compressed {ratio:count} times (more than {limit}): refused as a "
        "possible zip bomb",
        "bagian '{part}' dimampatkan {ratio:count} kali (lebih dari {limit}): ditolak karena "
        "mungkin bom zip",
    ),
    "entry_file.other_opendocument": (
        "this is an OpenDocument file of another kind ({kind}), not a spreadsheet",
        "berkas ini berkas OpenDocument jenis lain ({kind}), bukan lembar kerja",
    ),
    "entry_file.xlsb": (
        "this is an Excel binary workbook (.xlsb); save it as an Excel workbook (.xlsx) first",
        "berkas ini buku kerja biner Excel (.xlsb); simpan dulu sebagai buku kerja Excel "
        "(.xlsx)",
    ),
    "entry_file.docx": (
        "this is a Word document (.docx) with a spreadsheet's name, not a workbook",
        "berkas ini dokumen Word (.docx) dengan nama lembar kerja, bukan buku kerja",
    ),
    "entry_file.pptx": (
        "this is a PowerPoint presentation (.pptx) with a spreadsheet's name, not a workbook",
        "berkas ini presentasi PowerPoint (.pptx) dengan nama lembar kerja, bukan buku kerja",
    ),
    "entry_file.zip_not_workbook": (
        "this is a zip archive but not a workbook (no workbook inside)",
        "berkas ini arsip zip tetapi bukan buku kerja (tidak ada buku kerja di dalamnya)",
    ),
    "entry_file.damaged": ("the file is damaged ({detail})", "berkas rusak ({detail})"),
    "entry_file.damaged_or_protected": (
        "the workbook is damaged or protected ({detail})",
        "buku kerja rusak atau dilindungi ({detail})",
    ),
    "entry_file.unpacked_too_large": (
        "unpacked, the file is larger than {limit} MB: refused",
        "setelah dibuka, berkas lebih besar dari {limit} MB: ditolak",
    ),
    "entry_file.bad_xml": (
        "the file is damaged: {part} is not well-formed XML ({detail}, line {line})",
        "berkas rusak: {part} bukan XML yang tersusun benar ({detail}, baris {line})",
    ),
    "entry_file.xml_entities": (
        "{part} declares a document type or entities, which a spreadsheet never needs: "
        "refused",
        "{part} mendeklarasikan jenis dokumen atau entitas, yang tidak pernah diperlukan "
        "lembar kerja: ditolak",
    ),
    "entry_file.bad_count": (
        "the file is damaged: {attribute}={value} is not a count",
        "berkas rusak: {attribute}={value} bukan bilangan cacah",
    ),
    "entry_file.too_many_rows": (
        "the sheet has at least {rows:count} rows; at most {limit:count} entries can be "
        "imported from one file (split it into several files)",
        "lembar berisi sedikitnya {rows:count} baris; paling banyak {limit:count} inovasi "
        "dapat diimpor dari satu berkas (pecah menjadi beberapa berkas)",
    ),
    "entry_file.area_too_large": (
        "the sheet's used area is {rows:count} rows × {columns:count} columns, too large to "
        "read; delete the unused rows and columns beyond the table",
        "area terpakai lembar ini {rows:count} baris × {columns:count} kolom, terlalu besar "
        "untuk dibaca; hapus baris dan kolom tak terpakai di luar tabel",
    ),
    # the sheet and its header
    "entry_file.no_such_sheet": (
        "no sheet named '{sheet}'; the workbook has: {sheets}",
        "tidak ada lembar bernama '{sheet}'; buku kerja berisi: {sheets}",
    ),
    "entry_file.no_worksheets": (
        "the workbook has no worksheets",
        "buku kerja tidak berisi lembar kerja",
    ),
    "entry_file.password": (
        "the workbook is protected with a password; remove the password in Excel and save it "
        "again",
        "buku kerja dilindungi kata sandi; hapus kata sandinya di Excel dan simpan lagi",
    ),
    "entry_file.unreadable": (
        "this workbook cannot be read; it may be damaged ({detail})",
        "buku kerja ini tidak dapat dibaca; mungkin rusak ({detail})",
    ),
    "entry_file.xls_unreadable": (
        "this old Excel workbook (.xls) cannot be read; it may be damaged ({detail})",
        "buku kerja Excel lama (.xls) ini tidak dapat dibaca; mungkin rusak ({detail})",
    ),
    "entry_file.empty_sheet": ("the sheet is empty", "lembar kosong"),
    "entry_file.empty_text": ("the file is empty", "berkas kosong"),
    "entry_file.no_header": (
        "no header row in the first {rows} rows: expected column names such as Kode (Code), "
        "Judul inovasi (Title), Perangkat daerah (Government unit), Kategori (Category)",
        "tidak ada baris judul kolom dalam {rows} baris pertama: seharusnya ada nama kolom "
        "seperti Kode, Judul inovasi, Perangkat daerah, Kategori",
    ),
    "entry_file.column_ignored": (
        "column {column} ({header}) is not imported",
        "kolom {column} ({header}) tidak diimpor",
    ),
    "entry_file.column_twice": (
        "two columns are {name}: {first} and {column}; keep one",
        "dua kolom sama-sama {name}: {first} dan {column}; pertahankan satu",
    ),
    "entry_file.missing_columns": (
        "missing required column(s): {missing}; the header row has: {found}",
        "kolom wajib tidak ada: {missing}; baris judul kolom berisi: {found}",
    ),
    "entry_file.merged_header": (
        "merged cells {cells} in the header row; unmerge them so that every column has its "
        "own heading in one row",
        "sel {cells} digabung pada baris judul kolom; pisahkan agar setiap kolom memiliki "
        "judulnya sendiri dalam satu baris",
    ),
    # the rows
    "entry_file.merged": (
        "cells {cells} are merged; unmerge them and fill in every row",
        "sel {cells} digabung; pisahkan lalu isi setiap baris",
    ),
    "entry_file.formulas": (
        "{count} cell(s) hold formulas instead of values ({cells} …); copy the column and "
        "paste it back as values only (Paste Special → Values)",
        "{count} sel berisi rumus, bukan nilai ({cells} …); salin kolomnya lalu tempel kembali "
        "sebagai nilai saja (Paste Special → Values)",
    ),
    "entry_file.error_values": (
        "{count} cell(s) hold an Excel error value such as #N/A instead of a value ({cells} "
        "…); type the value, or leave the cell empty",
        "{count} sel berisi nilai galat Excel seperti #DIV/0! atau #REF!, bukan nilai "
        "({cells} …); ketik nilainya, atau kosongkan selnya",
    ),
    "entry_file.hidden_rows": (
        "{count:count} {count:plural:row is:rows are} hidden in the sheet (filtered?) and "
        "read like the others: {rows}",
        "{count:count} baris disembunyikan di lembar kerja (difilter?) dan tetap dibaca "
        "seperti baris lain: {rows}",
    ),
    "entry_file.example_row": (
        "row {row}: the example row (code {code}) was skipped",
        "baris {row}: baris contoh (kode {code}) dilewati",
    ),
    "entry_file.too_many_values": (
        "more values than the header has columns (from column {column} on); a value may hold "
        "the separator: put it in double quotes (\"…\")",
        "lebih banyak nilai daripada kolom pada baris judul (mulai kolom {column}); sebuah "
        "nilai mungkin memuat tanda pemisah: apit dengan tanda petik ganda (\"…\")",
    ),
    "entry_file.code_again": (
        "the code '{code}' is used again (first on row {first}); every entry needs its own code",
        "kode '{code}' dipakai lagi (pertama pada baris {first}); setiap inovasi memerlukan "
        "kodenya sendiri",
    ),
    "entry_file.no_entries": (
        "no entries below the header row (row {row})",
        "tidak ada inovasi di bawah baris judul kolom (baris {row})",
    ),
    "entry_file.column_empty": (
        "every cell of this required column is empty ({rows} rows); fill it in",
        "semua sel kolom wajib ini kosong ({rows} baris); isilah",
    ),
    "entry_file.value_missing": (
        "a required value is missing",
        "nilai wajib belum diisi",
    ),
    "entry_file.too_long": (
        "longer than {limit} characters ({length})",
        "lebih panjang dari {limit} karakter ({length})",
    ),
    "entry_file.not_a_stage": (
        "'{value}' is not a stage; use inisiatif, uji coba or penerapan (initiative, trial, "
        "implementation)",
        "'{value}' bukan tahapan inovasi; gunakan inisiatif, uji coba, atau penerapan",
    ),
    "entry_file.not_a_type": (
        "'{value}' is not a type; use digital or non-digital",
        "'{value}' bukan jenis inovasi; gunakan digital atau non-digital",
    ),
    "entry_file.date_number": (
        "{value} is a number, not a date; format the cell as a date or type the date as "
        "dd/mm/yyyy",
        "{value} adalah angka, bukan tanggal; format sel sebagai tanggal atau ketik tanggal "
        "sebagai hh/bb/tttt",
    ),
    "entry_file.not_a_date": (
        "{value} is not a date; write dd/mm/yyyy (e.g. 17/08/2024) or yyyy-mm-dd, or use a "
        "date cell",
        "{value} bukan tanggal; tulis hh/bb/tttt (mis. 17/08/2024) atau tttt-bb-hh, atau "
        "gunakan sel tanggal",
    ),
    "entry_file.not_a_real_date": (
        "{value} is not a real date (day or month out of range; dd/mm/yyyy)",
        "{value} bukan tanggal yang ada (hari atau bulan di luar rentang; hh/bb/tttt)",
    ),
    "entry_file.implausible_year": (
        "the year {year} is not plausible",
        "tahun {year} tidak masuk akal",
    ),
    # against the competition
    "entry_file.unknown_category": (
        "unknown category '{category}'; use one of: {known}",
        "kategori '{category}' tidak dikenal; gunakan salah satu dari: {known}",
    ),
    "entry_file.unknown_category_like": (
        "unknown category '{category}' (did you mean '{like}'?); use one of: {known}",
        "kategori '{category}' tidak dikenal (maksudnya '{like}'?); gunakan salah satu dari: "
        "{known}",
    ),
    "entry_file.code_exists": (
        "an entry with the code '{code}' already exists in this competition",
        "inovasi dengan kode '{code}' sudah ada dalam kompetisi ini",
    ),
    "entry_file.default_stage": (
        "{count} row(s) without a stage: recorded as penerapan (implementation)",
        "{count} baris tanpa tahapan inovasi: dicatat sebagai penerapan",
    ),
    "entry_file.default_type": (
        "{count} row(s) without a type: recorded as digital",
        "{count} baris tanpa jenis inovasi: dicatat sebagai digital",
    ),
    "entry_file.unknown_unit": (
        "unknown government unit '{unit}' (row {row}, {rows} row(s))",
        "perangkat daerah '{unit}' tidak dikenal (baris {row}, {rows} baris)",
    ),
    "entry_file.unknown_unit_like": (
        "unknown government unit '{unit}' (row {row}, {rows} row(s)); did you mean '{like}'?",
        "perangkat daerah '{unit}' tidak dikenal (baris {row}, {rows} baris); maksudnya "
        "'{like}'?",
    ),
    "entry_file.finalized": (
        "competition '{competition}' is finalized; entries can no longer be added",
        "kompetisi '{competition}' sudah final (disahkan); inovasi tidak dapat ditambahkan "
        "lagi",
    ),
    "entry_file.create_units_advice": (
        "To create these units, import again and confirm it (--create-units on the command "
        "line), or correct the names in the file.",
        "Untuk membuat perangkat daerah ini, impor lagi dan konfirmasikan (--create-units di "
        "baris perintah), atau perbaiki namanya di berkas.",
    ),
}
