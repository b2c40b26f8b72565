"""Finding things by the codes people use (services/lookup.py and the reading paths)."""

TEXTS = {
    "lookup.no_competition": (
        "No competition '{ref}' in this database.",
        "Tidak ada kompetisi '{ref}' dalam basis data ini.",
    ),
    "lookup.finalized": (
        "Competition '{competition}' is finalized; its data can no longer be changed.",
        "Kompetisi '{competition}' sudah final (disahkan); datanya tidak dapat diubah lagi.",
    ),
    "lookup.no_category": (
        "No category with code '{code}' in this competition.",
        "Tidak ada kategori dengan kode '{code}' dalam kompetisi ini.",
    ),
    "lookup.no_unit": (
        "No unit with code '{code}' in this competition.",
        "Tidak ada perangkat daerah dengan kode '{code}' dalam kompetisi ini.",
    ),
    "lookup.no_entry": (
        "No entry with code '{code}' in this competition.",
        "Tidak ada inovasi dengan kode '{code}' dalam kompetisi ini.",
    ),
    "lookup.no_judge": (
        "No judge with code '{code}' in this competition.",
        "Tidak ada juri dengan kode '{code}' dalam kompetisi ini.",
    ),
    "lookup.no_round": (
        "No round with code '{code}' in this competition.",
        "Tidak ada tahap dengan kode '{code}' dalam kompetisi ini.",
    ),
    "lookup.no_criterion": (
        "No criterion with code '{code}' in this round.",
        "Tidak ada kriteria dengan kode '{code}' pada tahap ini.",
    ),
    "lookup.no_scored_round": (
        "Competition '{competition}' has no scored round.",
        "Kompetisi '{competition}' tidak memiliki tahap penilaian.",
    ),
    "lookup.screening_round_no_scores": (
        "Round '{round}' is a screening round; it has no scores.",
        "Tahap '{round}' adalah tahap seleksi; tahap ini tidak memiliki nilai.",
    ),
    "lookup.screening_round_not_scored": (
        "Round '{round}' is a screening round; nobody scores it.",
        "Tahap '{round}' adalah tahap seleksi; tidak ada yang menilainya.",
    ),
}
