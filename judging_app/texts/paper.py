"""Paper sheets typed twice (services/paper_sheets.py)."""

TEXTS = {
    "paper.unknown_criterion": (
        "{where}: no criterion '{criterion}' in this round.",
        "{where}: tidak ada kriteria '{criterion}' pada tahap ini.",
    ),
    "paper.no_score": (
        "{where}, {criterion}: no score typed.",
        "{where}, {criterion}: belum ada nilai yang diketik.",
    ),
    "paper.not_taken": (
        "{where}: the paper sheet cannot be taken:",
        "{where}: lembar penilaian kertas tidak dapat diterima:",
    ),
    "paper.submitted_counts": (
        "{where}: a submitted sheet already counts for this judge and entry; it must be "
        "reopened before a paper sheet can replace it.",
        "{where}: lembar penilaian yang sudah dikirim telah dihitung untuk juri dan inovasi "
        "ini; lembar tersebut harus dibuka kembali sebelum dapat diganti dengan lembar kertas.",
    ),
    "paper.first_entry_waiting": (
        "{where}: a first entry typed by {typist} already awaits confirmation; confirm it, "
        "discard it, or replace it explicitly.",
        "{where}: ketikan pertama oleh {typist} sudah menunggu konfirmasi; konfirmasikan, "
        "buang, atau ganti secara tegas.",
    ),
    "paper.no_first_entry_type_it": (
        "{where}: no first entry awaits confirmation; type the paper sheet as a first entry.",
        "{where}: tidak ada ketikan pertama yang menunggu konfirmasi; ketik lembar kertas "
        "sebagai ketikan pertama.",
    ),
    "paper.same_typist": (
        "{where}: {typist} typed the first entry; a different person must type the sheet "
        "again to confirm it.",
        "{where}: {typist} sudah mengetik ketikan pertama; orang lain harus mengetik ulang "
        "lembar tersebut untuk mengonfirmasinya.",
    ),
    "paper.discard_needs_reason": (
        "Discarding a first entry needs a reason.",
        "Membuang ketikan pertama memerlukan alasan.",
    ),
    "paper.no_first_entry": (
        "{where}: no first entry awaits confirmation.",
        "{where}: tidak ada ketikan pertama yang menunggu konfirmasi.",
    ),
}
