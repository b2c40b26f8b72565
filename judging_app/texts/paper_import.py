"""Importing typed-up paper score sheets (services/score_import.py)."""

TEXTS = {
    "paper.same_score_twice": (
        "line {line}: the same score as line {first} ({round} / {judge} / {entry} / "
        "{criterion}); keep one",
        "baris {line}: nilai yang sama dengan baris {first} ({round} / {judge} / {entry} / "
        "{criterion}); sisakan satu",
    ),
    "paper.scoring_closed": (
        "Scoring is closed: competition {competition} is not in judging; {file} was not "
        "imported.",
        "Penilaian ditutup: kompetisi {competition} tidak sedang dalam tahap penjurian; {file} "
        "tidak diimpor.",
    ),
    "paper.no_round": (
        "lines {lines}: there is no round '{round}' in this competition ({judge} / {entry})",
        "baris {lines}: tidak ada tahap '{round}' dalam kompetisi ini ({judge} / {entry})",
    ),
    "paper.screening_round": (
        "lines {lines}: round '{round}' is a screening round; it has no scores ({judge} / "
        "{entry})",
        "baris {lines}: tahap '{round}' adalah tahap seleksi; tidak ada nilainya ({judge} / "
        "{entry})",
    ),
    "paper.no_judge": (
        "lines {lines}: there is no judge '{judge}' in this competition (round {round}, "
        "entry {entry})",
        "baris {lines}: tidak ada juri '{judge}' dalam kompetisi ini (tahap {round}, "
        "inovasi {entry})",
    ),
    "paper.inactive_judge": (
        "lines {lines}: judge {judge} is inactive (round {round}, entry {entry})",
        "baris {lines}: juri {judge} tidak aktif (tahap {round}, inovasi {entry})",
    ),
    "paper.no_entry": (
        "lines {lines}: there is no entry '{entry}' in this competition (round {round}, "
        "judge {judge})",
        "baris {lines}: tidak ada inovasi '{entry}' dalam kompetisi ini (tahap {round}, "
        "juri {judge})",
    ),
    "paper.not_eligible": (
        "lines {lines}: entry {entry} is {status}, not eligible; it is not scored (round "
        "{round}, judge {judge})",
        "baris {lines}: inovasi {entry} berstatus {status}, bukan memenuhi syarat; tidak "
        "dinilai (tahap {round}, juri {judge})",
    ),
    "paper.conflict": (
        "lines {lines}: judge {judge} has a conflict of interest with entry {entry} (round "
        "{round})",
        "baris {lines}: juri {judge} memiliki konflik kepentingan dengan inovasi {entry} "
        "(tahap {round})",
    ),
    "paper.not_assigned": (
        "lines {lines}: judge {judge} is not assigned to entry {entry} in round {round}",
        "baris {lines}: juri {judge} tidak ditugaskan menilai inovasi {entry} pada tahap "
        "{round}",
    ),
    "paper.no_criterion": (
        "line {line}: there is no criterion '{criterion}' in round {round}",
        "baris {line}: tidak ada kriteria '{criterion}' pada tahap {round}",
    ),
    "paper.off_scale": (
        "line {line}, column '{column}': {value:number} is outside the scale {low:number}–"
        "{high:number} of criterion {criterion}",
        "baris {line}, kolom '{column}': {value:number} di luar skala {low:number}–"
        "{high:number} kriteria {criterion}",
    ),
    "paper.off_step": (
        "line {line}, column '{column}': {value:number} is not on the step of "
        "{step:number} of criterion {criterion}",
        "baris {line}, kolom '{column}': {value:number} tidak sesuai kelipatan {step:number} "
        "kriteria {criterion}",
    ),
    "paper.locked": (
        "lines {lines}: the sheet of {judge} for {entry} (round {round}) is submitted and "
        "locked, and the file changes it; the secretariat must reopen it first",
        "baris {lines}: lembar nilai {judge} untuk {entry} (tahap {round}) sudah dikirim dan "
        "dikunci, dan berkas ini mengubahnya; sekretariat harus membukanya kembali dulu",
    ),
}
