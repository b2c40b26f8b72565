"""What is wrong with a number read from a file or typed (core.numbers)."""

TEXTS = {
    "number.empty": (
        "empty",
        "kosong",
    ),
    "number.not_a_number": (
        "'{value}' is not a number",
        "'{value}' bukan angka",
    ),
    "number.foreign_digits": (
        "'{value}' uses digits other than 0–9; type the number with the digits 0–9",
        "'{value}' memakai angka selain 0–9; ketik angkanya dengan angka 0–9",
    ),
    "number.exponent": (
        "'{value}' is written with an exponent; write the number out in full, e.g. 8.5",
        "'{value}' ditulis dengan eksponen; tulis angkanya secara lengkap, mis. 8,5",
    ),
    "number.separator": (
        "'{value}' holds a separator inside the number (a space, '_' or a second decimal "
        "mark); write digits with at most one decimal mark, e.g. 37.5",
        "'{value}' memuat pemisah di dalam angka (spasi, '_' atau tanda desimal kedua); "
        "tulis angka dengan paling banyak satu tanda desimal, mis. 37,5",
    ),
    "number.too_many_decimals": (
        "'{value}' has more than 3 decimals; scores and weights have at most 3 (e.g. 8.125) "
        "and are never rounded",
        "'{value}' memiliki lebih dari 3 angka desimal; nilai dan bobot paling banyak 3 "
        "desimal (mis. 8,125) dan tidak pernah dibulatkan",
    ),
    "number.too_large": (
        "'{value}' is too large",
        "'{value}' terlalu besar",
    ),
    "number.not_finite": (
        "'{value}' is not a finite number",
        "'{value}' bukan angka yang terhingga",
    ),
}
