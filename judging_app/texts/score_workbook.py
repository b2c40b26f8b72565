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
        "sheet {sheet}, cell {cell}: {problem} (entry {entry}, criterion {criterion})",
        "lembar {sheet}, sel {cell}: {problem} (inovasi {entry}, kriteria {criterion})",
    ),
}
