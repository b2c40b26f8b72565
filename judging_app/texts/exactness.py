"""Setups whose totals could not be stored exactly (core/exactness.py)."""

TEXTS = {
    "exactness.maxima": (
        "the scale maxima {maxima} have no common measure small enough to keep every total "
        "exact (their least common multiple, in thousandths, is {common:count}; at most "
        "{limit:count} can be stored exactly); use maxima that share factors, such as 5, 10 "
        "and 100",
        "nilai maksimum skala {maxima} tidak memiliki kelipatan persekutuan yang cukup kecil "
        "agar setiap total tetap tepat (kelipatan persekutuan terkecilnya, dalam perseribuan, "
        "{common:count}; paling banyak {limit:count} yang dapat disimpan dengan tepat); "
        "gunakan nilai maksimum yang memiliki faktor bersama, seperti 5, 10 dan 100",
    ),
}
