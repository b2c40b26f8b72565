"""Results: tie decisions, finalizing, advancement (services/results.py,
services/advancement.py), and the notes the results carry (core/scoring)."""

TEXTS = {
    "results.tie_needs_reason": (
        "A tie decision needs the chair's reason.",
        "Keputusan atas nilai sama memerlukan alasan dari ketua dewan juri.",
    ),
    "results.tie_needs_two": (
        "Name at least two different tied entries, best first.",
        "Sebutkan paling sedikit dua inovasi berbeda yang bernilai sama, mulai dari yang "
        "terbaik.",
    ),
    "results.not_ranked": (
        "Not ranked in this competition: {codes}.",
        "Tidak masuk peringkat dalam kompetisi ini: {codes}.",
    ),
    "results.unscored_not_tied": (
        "An entry without any score cannot be tied; there is no tie to decide.",
        "Inovasi tanpa nilai tidak dapat bernilai sama; tidak ada nilai sama yang perlu "
        "diputuskan.",
    ),
    "results.not_same_score": (
        "These entries do not have the same score in one ranking; there is no tie to decide.",
        "Inovasi-inovasi ini tidak memiliki nilai yang sama dalam satu peringkat; tidak ada "
        "nilai sama yang perlu diputuskan.",
    ),
    "results.tie_is_between": (
        "The tie to decide is between {codes}: put all of them in order.",
        "Nilai sama yang perlu diputuskan adalah antara {codes}: urutkan semuanya.",
    ),
    "results.finalize_needs_judging": (
        "Only a competition in judging can be finalized ('{competition}' is {status}).",
        "Hanya kompetisi berstatus penilaian yang dapat disahkan ('{competition}' berstatus "
        "{status}).",
    ),
    "results.nothing_scored": (
        "Nothing has been scored yet; there are no results to finalize.",
        "Belum ada yang dinilai; belum ada hasil untuk disahkan.",
    ),
    "results.undecided_ties": (
        "Ties on an award boundary need the chair's decision first: {ties}.",
        "Nilai sama pada batas penghargaan memerlukan keputusan ketua dewan juri terlebih "
        "dahulu: {ties}.",
    ),
    "results.incomplete_entries": (
        "{count:count} {count:plural:entry is:entries are} missing score sheets ({codes}); "
        "complete them or allow incomplete entries in the rules.",
        "{count:count} inovasi belum lengkap lembar penilaiannya ({codes}); lengkapi atau "
        "izinkan inovasi yang belum lengkap dalam aturan.",
    ),
    "results.unscored_entries": (
        "{count:count} {count:plural:entry takes:entries take} part without any score sheet "
        "({codes}); assign judges, or withdraw them with a reason.",
        "{count:count} inovasi ikut serta tanpa satu pun lembar penilaian ({codes}); tugaskan "
        "juri, atau nyatakan mengundurkan diri dengan alasan.",
    ),
    "results.tie_break_criterion_out_of_scope": (
        "The tie-break chain names the criterion '{code}', which no round ranked here has; "
        "rank with that round included, or change the chain.",
        "Urutan penentuan peringkat nilai sama menyebut kriteria '{code}', yang tidak dimiliki "
        "tahap yang diperingkat di sini; sertakan tahap tersebut dalam peringkat, atau ubah "
        "urutannya.",
    ),
    # -- notes the results carry (core/scoring, services/results_input) ----------------------
    # The English of these notes is also the text of the results JSON, whose digest a
    # finalized competition's snapshot keeps: change it and older snapshots stop verifying.
    "results.note.trimmed_mean_fallback": (
        "Round {round}: the trimmed mean needs at least {min} sheets; {count} "
        "{count:plural:entry:entries} with fewer sheets used the plain mean instead.",
        "Tahap {round}: rata-rata terpangkas memerlukan sedikitnya {min} lembar penilaian; "
        "{count:count} inovasi dengan lembar penilaian yang lebih sedikit memakai rata-rata "
        "biasa.",
    ),
    "results.note.standardized_zero_spread": (
        "Round {round}: some judges gave equal totals to every entry they scored in a group; "
        "their sheets count as the panel mean.",
        "Tahap {round}: sebagian juri memberikan nilai total yang sama kepada setiap inovasi "
        "yang dinilainya dalam satu kelompok; lembar penilaian mereka dihitung sebagai "
        "rata-rata dewan juri.",
    ),
    "results.note.round_missing": (
        "{count} {count:plural:entry has:entries have} no score in at least one round; if "
        "incomplete entries are ranked, that round counts as 0.",
        "{count:count} inovasi tidak memiliki nilai pada sedikitnya satu tahap; bila inovasi "
        "yang belum lengkap diberi peringkat, tahap tersebut dihitung 0.",
    ),
    "results.note.incomplete_unranked": (
        "{count} incomplete {count:plural:entry is:entries are} not ranked (missing sheets); "
        "the secretariat may allow incomplete entries.",
        "{count:count} inovasi yang belum lengkap tidak diberi peringkat (lembar penilaian "
        "kurang); sekretariat dapat mengizinkan inovasi yang belum lengkap.",
    ),
    "results.note.last_round_not_started": (
        "Round '{last}' has not started, so the weighted final score cannot be computed yet; "
        "showing round '{shown}' alone.",
        "Tahap '{last}' belum dimulai sehingga nilai akhir berbobot belum dapat dihitung; yang "
        "ditampilkan hanya tahap '{shown}'.",
    ),
    "results.note.unscored": (
        "{count} entries take part without any submitted sheet: {codes}",
        "{count:count} inovasi ikut serta tanpa satu pun lembar penilaian terkirim: {codes}",
    ),
    "results.fairness.no_agreement": (
        "ICC and Kendall's W need at least 2 entries scored by the same (at least 2) judges; "
        "the largest such set has {count} entries",
        "ICC dan W Kendall memerlukan paling sedikit 2 inovasi yang dinilai oleh juri yang sama "
        "(paling sedikit 2 juri); himpunan terbesar seperti itu berisi {count:count} inovasi",
    ),
    # -- how the results are computed, in words (the command line's results table) -----------
    "results.method.mean": ("mean of the judges' totals", "rata-rata nilai total para juri"),
    "results.method.median": ("median of the judges' totals", "median nilai total para juri"),
    "results.method.trimmed_mean": (
        "mean without the highest and the lowest total",
        "rata-rata tanpa nilai total tertinggi dan terendah",
    ),
    "results.method.standardized": (
        "mean of per-judge standardized totals",
        "rata-rata nilai total yang distandardisasi per juri",
    ),
    "results.across_rounds.alone": ("round {round} alone", "hanya tahap {round}"),
    "results.across_rounds.weighted": (
        "Σ round weight × round score / 100",
        "Σ bobot tahap × nilai tahap / 100",
    ),
    "results.formula": (
        "total of a sheet = Σ weight × score / max (weights in percent, 0–100); across judges: "
        "{judges}; across rounds: {rounds}",
        "nilai total satu lembar penilaian = Σ bobot × nilai / maks (bobot dalam persen, "
        "0–100); antarjuri: {judges}; antartahap: {rounds}",
    ),
    "results.rounding": (
        "Scores are shown with two decimals, rounded half up; ranks use the exact values.",
        "Nilai ditampilkan dengan dua desimal, dibulatkan setengah ke atas; peringkat memakai "
        "nilai eksak.",
    ),
    "results.tie_break.criteria_by_weight": (
        "criteria by weight",
        "kriteria menurut bobot",
    ),
    "results.tie_break.later_round": ("later round", "tahap berikutnya"),
    "results.tie_break.first_places": ("first places", "peringkat pertama terbanyak"),
    "results.tie_break.chair_decision": ("chair's decision", "keputusan ketua dewan juri"),
    "results.tie_break.criterion": ("criterion {code}", "kriteria {code}"),
    # -- advancement ------------------------------------------------------------------------
    "advancement.screening_round": (
        "Round '{round}' is a screening round; nobody advances from it.",
        "Tahap '{round}' adalah tahap seleksi; tidak ada yang lanjut dari tahap ini.",
    ),
    "advancement.no_rule": (
        "Round '{round}' has no advancement rule: every eligible entry goes on.",
        "Tahap '{round}' tidak memiliki aturan kelulusan: semua inovasi yang memenuhi syarat "
        "lanjut.",
    ),
    "advancement.by_hand_needs_reason": (
        "Taking entries on by hand needs a reason.",
        "Meloloskan inovasi secara manual memerlukan alasan.",
    ),
    "advancement.tie_at_cutoff": (
        "A tie sits on the cut-off ({codes}): the chair must decide it first.",
        "Ada nilai sama pada batas kelulusan ({codes}): ketua dewan juri harus memutuskannya "
        "terlebih dahulu.",
    ),
    "advancement.not_ranked": (
        "{count:count} {count:plural:entry is:entries are} not ranked yet (missing sheets: "
        "{codes}).",
        "{count:count} inovasi belum masuk peringkat (lembar penilaian belum lengkap: {codes}).",
    ),
    "advancement.name_entries": (
        "Round '{round}' advances by hand: name the entries.",
        "Kelulusan dari tahap '{round}' ditentukan secara manual: sebutkan inovasinya.",
    ),
}
