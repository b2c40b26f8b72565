"""Entries and government units (services/entries.py)."""

TEXTS = {
    "entries.invalid": ("Entry '{code}' is not valid:", "Inovasi '{code}' tidak valid:"),
    "entries.code_required": ("The code is required.", "Kode wajib diisi."),
    "entries.code_unseen": (
        "The code '{code}' holds characters that cannot be seen or that look like other "
        "ones ({chars}); type it again with ordinary letters, digits and signs.",
        "Kode '{code}' memuat karakter yang tidak terlihat atau mirip karakter lain "
        "({chars}); ketik ulang dengan huruf, angka, dan tanda biasa.",
    ),
    "entries.title_required": ("The title is required.", "Judul wajib diisi."),
    "entries.title_too_long": (
        "The title has more than {limit} characters.",
        "Judul lebih dari {limit} karakter.",
    ),
    "entries.bad_stage": (
        "The stage '{value}' is not one of: {choices}.",
        "Tahapan '{value}' bukan salah satu dari: {choices}.",
    ),
    "entries.bad_type": (
        "The type '{value}' is not one of: {choices}.",
        "Jenis '{value}' bukan salah satu dari: {choices}.",
    ),
    "entries.code_exists": (
        "An entry with code '{code}' already exists.",
        "Inovasi dengan kode '{code}' sudah ada.",
    ),
    "entries.status_needs_reason": (
        "Marking an entry {status} needs a reason.",
        "Menandai inovasi sebagai {status} memerlukan alasan.",
    ),
    "units.code_and_name_required": (
        "A unit needs a code and a name.",
        "Perangkat daerah harus memiliki kode dan nama.",
    ),
    "units.code_exists": (
        "A unit with code '{code}' already exists.",
        "Perangkat daerah dengan kode '{code}' sudah ada.",
    ),
    "units.name_exists": (
        "A unit named '{name}' already exists.",
        "Perangkat daerah bernama '{name}' sudah ada.",
    ),
}
