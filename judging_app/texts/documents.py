"""Texts of the documents area: writing the PDF documents (services/documents.py), the
letterhead and signature settings, exports of the results workbook. The documents' own
headings are document language (exchange/pdf_text.py, results_workbook.VOCABULARY), not
messages."""

TEXTS = {
    "documents.nobody_assigned": (
        "No judge has entries assigned in round '{round}' yet.",
        "Belum ada juri yang ditugaskan menilai inovasi pada tahap '{round}'.",
    ),
    "documents.expected_base64": (
        "expected the logo as base64 text (a PNG or JPEG file encoded in base64)",
        "logo harus berupa teks base64 (berkas PNG atau JPEG yang dikodekan base64)",
    ),
    "documents.invalid": (
        "The document settings were not saved:",
        "Pengaturan dokumen tidak disimpan:",
    ),
    "documents.too_long": (
        "{field}: at most {limit} characters.",
        "{field}: paling banyak {limit} karakter.",
    ),
    "documents.logo_not_image": (
        "The logo must be a PNG or JPEG image.",
        "Logo harus berupa gambar PNG atau JPEG.",
    ),
    "documents.logo_too_large": (
        "The logo is {size:count} KB; at most {limit:count} KB (save it smaller).",
        "Logo berukuran {size:count} KB; paling besar {limit:count} KB (simpan lebih kecil).",
    ),
    "documents.unknown_time_zone": (
        "{zone} is not a time zone; use Asia/Jakarta (WIB), Asia/Makassar (WITA) or "
        "Asia/Jayapura (WIT).",
        "{zone} bukan zona waktu; gunakan Asia/Jakarta (WIB), Asia/Makassar (WITA) atau "
        "Asia/Jayapura (WIT).",
    ),
    "documents.logo_unreadable": (
        "The logo cannot be read: {problem}",
        "Berkas logo tidak dapat dibaca: {problem}",
    ),
    "documents.bad_date": (
        "{value} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-27.",
        "{value} bukan tanggal; tulis sebagai TTTT-BB-HH, mis. 2026-11-27.",
    ),
}
