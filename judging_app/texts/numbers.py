"""Numbers typed or read that are not exact decimals (core/numbers.py)."""

TEXTS = {
    "numbers.at": ("{where}: {problem}", "{where}: {problem}"),
    "numbers.empty": ("Nothing is typed.", "Belum ada yang diketik."),
    "numbers.not_a_number": ("{value} is not a number.", "{value} bukan angka."),
    "numbers.not_finite": ("{value} is not a finite number.", "{value} bukan angka terhingga."),
    "numbers.too_many_decimals": (
        "{value} has more than {places} decimals; scores and weights are never rounded.",
        "{value} memiliki lebih dari {places} angka desimal; nilai dan bobot tidak pernah "
        "dibulatkan.",
    ),
    "numbers.foreign_digits": (
        "{value} uses digits other than 0–9; type the number with the digits 0–9.",
        "{value} memakai angka selain 0–9; ketik angkanya dengan angka 0–9.",
    ),
    "numbers.exponent": (
        "{value} is written with an exponent; write the number out in full, e.g. 8.5.",
        "{value} ditulis dengan eksponen; tulis angkanya secara lengkap, mis. 8,5.",
    ),
    "numbers.separator": (
        "{value} holds a separator inside the number (a space, '_' or a second decimal "
        "mark); write digits with at most one decimal mark, e.g. 37.5.",
        "{value} memuat pemisah di dalam angka (spasi, '_' atau tanda desimal kedua); tulis "
        "angka dengan paling banyak satu tanda desimal, mis. 37,5.",
    ),
    "numbers.too_large": ("{value} is too large.", "{value} terlalu besar."),
}
