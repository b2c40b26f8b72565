"""Opening and writing the database: what can go wrong outside the app's own rules."""

TEXTS = {
    "db.busy": (
        "The database is busy (others were saving the same data at the same moment, every "
        "time this was tried); nothing was written. Try again in a moment.",
        "Basis data sedang sibuk (orang lain menyimpan data yang sama pada saat yang sama, "
        "setiap kali dicoba); tidak ada yang ditulis. Coba lagi sebentar lagi.",
    ),
}
