"""Competitions and their setup: creating, changing, moving through the stages
(services/competitions.py, services/templates.py)."""

TEXTS = {
    "competitions.setup_invalid": (
        "The competition setup is not valid:",
        "Pengaturan kompetisi tidak valid:",
    ),
    "competitions.code_needs_letter": (
        "Competition code '{code}' needs a letter (numbers alone are read as the "
        "competition's number).",
        "Kode kompetisi '{code}' harus memuat huruf (angka saja dibaca sebagai nomor "
        "kompetisi).",
    ),
    "competitions.code_exists": (
        "A competition with code '{code}' already exists.",
        "Kompetisi dengan kode '{code}' sudah ada.",
    ),
    "competitions.category_has_entries": (
        "Category '{code}' has {count:count} {count:plural:entry:entries}; move them to "
        "another category first.",
        "Kategori '{code}' memiliki {count:count} inovasi; pindahkan dahulu ke kategori lain.",
    ),
    "competitions.round_has_sheets": (
        "Round '{code}' has {count:count} score {count:plural:sheet:sheets} and cannot be "
        "removed.",
        "Tahap '{code}' memiliki {count:count} lembar penilaian dan tidak dapat dihapus.",
    ),
    "competitions.rubric_locked": (
        "The rubric of round '{round}' is locked: judges have submitted sheets in it. Reopen "
        "the rubric (with a reason) to change it.",
        "Rubrik tahap '{round}' dikunci: juri sudah mengirim lembar penilaian pada tahap ini. "
        "Buka kembali rubrik tersebut (dengan alasan) untuk mengubahnya.",
    ),
    "competitions.reopen_rubric_needs_reason": (
        "Reopening a rubric needs a reason.",
        "Membuka kembali rubrik memerlukan alasan.",
    ),
    "competitions.status_move_refused": (
        "Competition '{competition}' cannot go from {current} to {wanted}.",
        "Kompetisi '{competition}' tidak dapat berpindah dari status {current} ke status {wanted}.",
    ),
    "competitions.no_template": (
        "No template '{name}'; choose one of: {choices}.",
        "Tidak ada templat '{name}'; pilih salah satu dari: {choices}.",
    ),
}
