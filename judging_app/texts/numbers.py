"""Numbers typed or read that are not exact decimals (core/numbers.py)."""

TEXTS = {
    "numbers.at": ("{where}: {problem}", "{where}: {problem}"),
    "numbers.empty": ("Nothing is typed.", "Belum ada yang diketik."),
    "numbers.not_a_number": ("{value} is not a number.", "{value} bukan angka."),
    "numbers.not_finite": ("{value} is not a finite number.", "{value} bukan angka terhingga."),
    "numbers.too_many_decimals": (
        "{value} has more than {places} decimals.",
        "{value} memiliki lebih dari {places} angka desimal.",
    ),
}
