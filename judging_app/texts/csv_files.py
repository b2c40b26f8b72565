"""Reading CSV files (exchange/csv_reading.py, exchange/scores_csv.py)."""

TEXTS = {
    "csv.not_utf8": (
        "line {line}: the file is not UTF-8 text; in Excel save it as 'CSV UTF-8 (Comma "
        "delimited)'",
        "baris {line}: berkas bukan teks UTF-8; di Excel simpan sebagai 'CSV UTF-8 (Comma "
        "delimited)'",
    ),
    "csv.unclosed_quote": (
        "line {line}: a double quote (\") opens a value that is never closed, so every line "
        "after it would be read as part of that value; close the quote, or delete it",
        "baris {line}: tanda petik ganda (\") membuka nilai yang tidak pernah ditutup, "
        "sehingga semua baris sesudahnya akan terbaca sebagai bagian nilai itu; tutup tanda "
        "petiknya, atau hapus",
    ),
    "csv.text_after_quote": (
        "line {line}: text follows a closing double quote (\") in the same value; put the "
        "whole value in double quotes and write a quote inside it as two (\"\")",
        "baris {line}: ada teks sesudah tanda petik ganda (\") penutup dalam nilai yang sama; "
        "apit seluruh nilai dengan tanda petik ganda dan tulis tanda petik di dalamnya dua "
        "kali (\"\")",
    ),
    "csv.cell_too_long": (
        "line {line}: a value is longer than {limit:count} characters (what one spreadsheet "
        "cell holds); a double quote may have swallowed the lines after it",
        "baris {line}: sebuah nilai lebih panjang dari {limit:count} karakter (isi satu sel "
        "lembar kerja); mungkin tanda petik ganda menelan baris-baris sesudahnya",
    ),
    "csv.cell_too_long_column": (
        "line {line}, column {column}: the value is longer than {limit:count} characters "
        "(what one spreadsheet cell holds); a double quote may have swallowed the lines "
        "after it",
        "baris {line}, kolom {column}: nilainya lebih panjang dari {limit:count} karakter "
        "(isi satu sel lembar kerja); mungkin tanda petik ganda menelan baris-baris "
        "sesudahnya",
    ),
    "csv.bad_character": (
        "line {line}, column {column}: a character that cannot be stored ({character}); "
        "delete it",
        "baris {line}, kolom {column}: karakter yang tidak dapat disimpan ({character}); "
        "hapus karakter itu",
    ),
    "csv.unreadable": (
        "line {line}: not a readable CSV line ({detail})",
        "baris {line}: baris CSV tidak terbaca ({detail})",
    ),
    "csv.too_big": (
        "the file is larger than {megabytes} MB",
        "berkas lebih besar dari {megabytes} MB",
    ),
    "csv.missing": ("the file does not exist", "berkas tidak ada"),
    "csv.folder": ("this is a folder, not a file", "ini folder, bukan berkas"),
    "csv.unreadable_file": (
        "the file cannot be read ({detail})",
        "berkas tidak dapat dibaca ({detail})",
    ),
    "scores_csv.empty_file": ("the file is empty", "berkas kosong"),
    "scores_csv.no_rows": (
        "no score rows under the header",
        "tidak ada baris nilai di bawah baris judul",
    ),
    "scores_csv.unknown_column": (
        "line {line}: the column '{column}' is not one this import reads; the columns are "
        "{accepted} (or their Indonesian names); delete or rename it",
        "baris {line}: kolom '{column}' tidak dibaca oleh impor ini; kolomnya adalah "
        "{accepted} (atau nama Indonesianya: tahap, juri, inovasi, kriteria, nilai, catatan); "
        "hapus atau ganti namanya",
    ),
    "scores_csv.column_twice": (
        "line {line}: the column '{column}' appears {count} times; keep one",
        "baris {line}: kolom '{column}' muncul {count} kali; sisakan satu",
    ),
    "scores_csv.missing_columns": (
        "line {line}: missing column(s) {missing} (the header has: {header})",
        "baris {line}: kolom yang tidak ada: {missing} (baris judul berisi: {header})",
    ),
    "scores_csv.empty": (
        "line {line}, column '{column}': empty",
        "baris {line}, kolom '{column}': kosong",
    ),
    "scores_csv.bad_number": (
        "line {line}, column '{column}': {problem}",
        "baris {line}, kolom '{column}': {problem}",
    ),
    "scores_csv.decimal_comma": (
        "line {line}, column '{column}': '{value}' looks like a score with a decimal comma, "
        "which the comma separator split into the score {whole} and a next value {part}; "
        "write {point}, put the value in double quotes (\"{value}\"), or save the file with "
        "';' as the separator",
        "baris {line}, kolom '{column}': '{value}' tampaknya nilai dengan koma desimal, yang "
        "terpecah oleh pemisah koma menjadi nilai {whole} dan nilai berikutnya {part}; tulis "
        "{point}, apit nilainya dengan tanda petik ganda (\"{value}\"), atau simpan berkas "
        "dengan ';' sebagai pemisah",
    ),
    "scores_csv.too_many_values": (
        "line {line}: {count} values but the header has {columns} columns; a value may hold "
        "the separator: put it in double quotes (\"…\")",
        "baris {line}: {count} nilai padahal baris judul punya {columns} kolom; mungkin "
        "sebuah nilai memuat pemisah: apit dengan tanda petik ganda (\"…\")",
    ),
}
