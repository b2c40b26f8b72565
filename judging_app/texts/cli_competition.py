"""What `judging-app competition status|start-…|set-status|reopen-rubric|update` prints
(cli/competition_cli.py)."""

TEXTS = {
    "cli_competition.rubric_reopened": (
        "The rubric of round {round} is open again: {count:count} submitted "
        "{count:plural:sheet:sheets} went back to draft; the judges must submit them again.",
        "Rubrik tahap {round} dibuka kembali: {count:count} lembar penilaian terkirim kembali "
        "menjadi draf; juri harus mengirimnya lagi.",
    ),
    "cli_competition.updated": (
        "The setup of {competition} was replaced by the file's.",
        "Pengaturan {competition} diganti dengan isi berkas.",
    ),
    "cli_competition.status_now": ("{competition} is now in {status}.",
                                   "{competition} kini berstatus {status}."),
    "cli_competition.judging_open": (
        "Judges can now score the entries assigned to them (judge mode, packages, Excel or "
        "paper sheets).",
        "Juri kini dapat menilai inovasi yang ditugaskan kepadanya (mode juri, paket juri, "
        "lembar penilaian Excel atau kertas).",
    ),
    "cli_competition.title": ("{code}: {name} ({year}), {status}",
                              "{code}: {name} ({year}), berstatus {status}"),
    "cli_competition.entries": ("Entries: {count:count} ({counts})",
                                "Inovasi: {count:count} ({counts})"),
    "cli_competition.no_entries": ("Entries: none yet", "Inovasi: belum ada"),
    "cli_competition.count_of": ("{count:count} {status}", "{count:count} {status}"),
    "cli_competition.judges": ("Active judges: {count:count}", "Juri aktif: {count:count}"),
    "cli_competition.round": ("Round {round}:", "Tahap {round}:"),
    "cli_competition.round_sheets": (
        "{submitted:count} of {expected:count} sheets submitted, {draft:count} in draft, "
        "{missing:count} not started",
        "{submitted:count} dari {expected:count} lembar penilaian terkirim, {draft:count} "
        "draf, {missing:count} belum dimulai",
    ),
}
TEXTS.update({
    "cli_show.categories": ("Categories:", "Kategori:"),
    "cli_show.round": ("Round {number}: {code} — {name} ({kind})",
                       "Tahap {number}: {code} — {name} ({kind})"),
    "cli_show.top_n": ("The best {n} per category go on to the next round.",
                       "{n} terbaik per kategori lanjut ke tahap berikutnya."),
    "cli_show.threshold": ("Entries scoring at least {threshold:number} go on to the next round.",
                           "Inovasi dengan nilai minimal {threshold:number} lanjut ke tahap "
                           "berikutnya."),
    "cli_show.manual": ("The secretariat chooses who goes on to the next round.",
                        "Sekretariat memilih yang lanjut ke tahap berikutnya."),
    "cli_show.header": ("criterion|weight %|scale|name", "kriteria|bobot %|skala|nama"),
    "cli_show.scale": ("{low:number}–{high:number}, step {step:number}",
                       "{low:number}–{high:number}, kelipatan {step:number}"),
    "cli_show.awards": ("Award tiers:", "Kategori penghargaan:"),
    "cli_show.rank": ("rank {rank}", "peringkat {rank}"),
    "cli_show.ranks": ("ranks {first} to {last}", "peringkat {first} sampai {last}"),
    "cli_show.band": ("final score from {low} below {high}",
                      "nilai akhir dari {low} hingga di bawah {high}"),
    "cli_show.rules": ("Judges' scores combined by the {method}, ranked {scope}.",
                       "Nilai para juri digabung dengan {method}, diperingkat {scope}."),
    "cli_show.per_category": ("per category", "per kategori"),
    "cli_show.overall": ("over all categories", "untuk semua kategori"),
})
