"""Judges and conflicts of interest (services/judges.py, services/conflicts.py)."""

TEXTS = {
    "judges.invalid": ("Judge '{code}' is not valid:", "Juri '{code}' tidak valid:"),
    "judges.code_required": ("The code is required.", "Kode wajib diisi."),
    "judges.code_unseen": (
        "The code '{code}' holds characters that cannot be seen or that look like other "
        "ones ({chars}); type it again with ordinary letters, digits and signs.",
        "Kode '{code}' memuat karakter yang tidak terlihat atau mirip karakter lain "
        "({chars}); ketik ulang dengan huruf, angka, dan tanda biasa.",
    ),
    "judges.name_required": ("The name is required.", "Nama wajib diisi."),
    "judges.bad_email": (
        "'{email}' is not an e-mail address.",
        "'{email}' bukan alamat surel.",
    ),
    "judges.bad_role": (
        "The role '{value}' is not one of: {choices}.",
        "Peran '{value}' bukan salah satu dari: {choices}.",
    ),
    "judges.code_exists": (
        "A judge with code '{code}' already exists.",
        "Juri dengan kode '{code}' sudah ada.",
    ),
    "conflicts.submitted_blocks_change": (
        "This change makes {judge} conflicted with {entry}, but a sheet by {judge} for {entry} "
        "is already submitted; reopen it first.",
        "Perubahan ini membuat {judge} berkonflik kepentingan dengan {entry}, tetapi lembar "
        "penilaian {judge} untuk {entry} sudah dikirim; buka kembali lembar tersebut terlebih "
        "dahulu.",
    ),
    "conflicts.same_unit_is_automatic": (
        "Same-unit conflicts are found automatically from the units.",
        "Konflik karena perangkat daerah yang sama ditentukan otomatis dari perangkat daerah.",
    ),
    "conflicts.other_needs_text": (
        "A conflict with reason 'other' needs an explanation.",
        "Konflik dengan alasan 'lainnya' memerlukan penjelasan.",
    ),
    "conflicts.already_declared": (
        "{judge} already has a declared conflict with {entry}.",
        "{judge} sudah menyatakan konflik kepentingan dengan {entry}.",
    ),
    "conflicts.submitted_blocks_declaration": (
        "{judge} has a submitted sheet for {entry}; reopen it before declaring a conflict.",
        "{judge} sudah mengirim lembar penilaian untuk {entry}; buka kembali lembar tersebut "
        "sebelum menyatakan konflik kepentingan.",
    ),
    "conflicts.none_declared": (
        "{judge} has no declared conflict with {entry}.",
        "{judge} tidak menyatakan konflik kepentingan dengan {entry}.",
    ),
}
