"""A competition's setup: what validate_setup finds wrong (core/setup.py) and where
(core/setup_places.py), and the refusals of the setup's use cases (services/competitions.py,
services/templates.py)."""

TEXTS = {
    # -- where a problem is -----------------------------------------------------------------
    "setup.at": ("{place}: {problem}", "{place}: {problem}"),
    "setup.place.competition": ("Competition and rules", "Kompetisi dan aturan"),
    "setup.place.categories": ("Categories", "Kategori"),
    "setup.place.rounds": ("Rounds", "Tahap"),
    "setup.place.tiers": ("Award tiers", "Kategori penghargaan"),
    "setup.place.category": ("Category {category}", "Kategori {category}"),
    "setup.place.tier": ("Award tier {tier}", "Kategori penghargaan {tier}"),
    "setup.place.round": ("Round “{round}”", "Tahap “{round}”"),
    "setup.place.criterion": ("Round “{round}”, criterion “{criterion}”",
                              "Tahap “{round}”, kriteria “{criterion}”"),
    "setup.place.tie_break": ("Tie-break chain, step {step}",
                              "Penentuan peringkat nilai sama, urutan ke-{step}"),
    # -- criteria -----------------------------------------------------------------------------
    "setup.criterion_no_code": ("A criterion needs a code.", "Kriteria harus memiliki kode."),
    "setup.criterion_no_name": ("A criterion needs a name.", "Kriteria harus memiliki nama."),
    "setup.criterion_weight_range": (
        "The weight {weight:number} must be between 0 and 100.",
        "Bobot {weight:number} harus antara 0 dan 100.",
    ),
    "setup.scale_below_zero": (
        "The scale cannot start below 0.",
        "Skala tidak boleh dimulai di bawah 0.",
    ),
    "setup.scale_max_not_above_min": (
        "The scale maximum {max:number} must be above the minimum {min:number}.",
        "Nilai maksimum skala {max:number} harus lebih besar daripada nilai minimum {min:number}.",
    ),
    "setup.step_not_positive": (
        "The step must be above 0.",
        "Kelipatan harus lebih besar daripada 0.",
    ),
    "setup.step_does_not_divide": (
        "The step {step:number} does not divide the range {min:number}–{max:number} evenly.",
        "Kelipatan {step:number} tidak membagi rentang {min:number}–{max:number} secara tepat.",
    ),
    "setup.level_twice": (
        "The score {score:number} is described twice.",
        "Nilai {score:number} diuraikan dua kali.",
    ),
    "setup.level_off_scale": (
        "The score {score:number} is not on the scale.",
        "Nilai {score:number} tidak ada pada skala.",
    ),
    # -- rounds -------------------------------------------------------------------------------
    "setup.round_no_code": ("A round needs a code.", "Tahap harus memiliki kode."),
    "setup.round_no_name": ("A round needs a name.", "Tahap harus memiliki nama."),
    "setup.round_weight_range": (
        "A round's weight must be between 0 and 100.",
        "Bobot tahap harus antara 0 dan 100.",
    ),
    "setup.criterion_code_twice": (
        "The criterion code '{code}' is used twice.",
        "Kode kriteria '{code}' dipakai dua kali.",
    ),
    "setup.scored_round_no_criteria": (
        "A scored round needs at least one criterion.",
        "Tahap penilaian harus memiliki paling sedikit satu kriteria.",
    ),
    "setup.criteria_weights_sum": (
        "The criterion weights add up to {total:number}; they must add up to exactly 100.",
        "Jumlah bobot kriteria {total:number}; jumlahnya harus tepat 100.",
    ),
    "setup.screening_round_criteria": (
        "A screening round has no criteria; remove them.",
        "Tahap seleksi tidak memiliki kriteria; hapus kriteria tersebut.",
    ),
    "setup.top_n_too_small": (
        "Top N needs N of at least 1.",
        "N teratas memerlukan N paling sedikit 1.",
    ),
    "setup.threshold_range": (
        "The threshold must be between 0 and 100.",
        "Ambang batas harus antara 0 dan 100.",
    ),
    # -- tie-breaks and award tiers -------------------------------------------------------------
    "setup.no_such_criterion": (
        "No criterion has the code '{code}'.",
        "Tidak ada kriteria dengan kode '{code}'.",
    ),
    "setup.unknown_tie_break": (
        "Unknown tie-break '{name}'.",
        "Aturan penentuan peringkat nilai sama '{name}' tidak dikenal.",
    ),
    "setup.tier_no_code": (
        "An award tier needs a code.",
        "Kategori penghargaan harus memiliki kode.",
    ),
    "setup.tier_code_twice": (
        "The award tier code '{code}' is used twice.",
        "Kode kategori penghargaan '{code}' dipakai dua kali.",
    ),
    "setup.tier_no_label": (
        "An award tier needs a label.",
        "Kategori penghargaan harus memiliki nama.",
    ),
    "setup.no_such_category": (
        "No category has the code '{code}'.",
        "Tidak ada kategori dengan kode '{code}'.",
    ),
    "setup.rank_tier_ranks": (
        "A rank tier needs ranks from and to, with 1 ≤ from ≤ to.",
        "Kategori penghargaan menurut peringkat memerlukan peringkat dari dan sampai, "
        "dengan 1 ≤ dari ≤ sampai.",
    ),
    "setup.band_no_minimum": (
        "A score band needs a minimum score.",
        "Rentang nilai memerlukan nilai minimum.",
    ),
    "setup.band_max_not_above_min": (
        "A score band's maximum must be above its minimum.",
        "Nilai maksimum rentang harus lebih besar daripada nilai minimumnya.",
    ),
    "setup.rank_tiers_overlap": (
        "The rank tiers '{first}' and '{second}' cover the same ranks.",
        "Kategori penghargaan '{first}' dan '{second}' mencakup peringkat yang sama.",
    ),
    # -- the competition ------------------------------------------------------------------------
    "setup.competition_no_name": ("The competition needs a name.", "Kompetisi harus memiliki nama."),
    "setup.year_range": (
        "The year {year} is out of range (2000–2200).",
        "Tahun {year} di luar rentang (2000–2200).",
    ),
    "setup.category_no_code_or_name": (
        "A category needs a code and a name.",
        "Kategori harus memiliki kode dan nama.",
    ),
    "setup.category_code_twice": (
        "The category code '{code}' is used twice.",
        "Kode kategori '{code}' dipakai dua kali.",
    ),
    "setup.no_category": (
        "The competition needs at least one category.",
        "Kompetisi harus memiliki paling sedikit satu kategori.",
    ),
    "setup.round_code_twice": (
        "The round code '{code}' is used twice.",
        "Kode tahap '{code}' dipakai dua kali.",
    ),
    "setup.no_scored_round": (
        "The competition needs at least one scored round.",
        "Kompetisi harus memiliki paling sedikit satu tahap penilaian.",
    ),
    "setup.round_weights_sum": (
        "The round weights add up to {total:number}; they must add up to exactly 100.",
        "Jumlah bobot tahap {total:number}; jumlahnya harus tepat 100.",
    ),
    "setup.trimming_min_sheets": (
        "Trimming needs at least 3 sheets.",
        "Pemangkasan memerlukan paling sedikit 3 lembar penilaian.",
    ),
}
