"""Score sheets: saving, submitting, reopening (services/sheets.py, services/judge_mode.py)."""

TEXTS = {
    "sheets.where": ("{judge} / {entry}", "{judge} / {entry}"),
    "sheets.where_round": ("{judge} / {entry} / round {round}",
                           "{judge} / {entry} / tahap {round}"),
    "sheets.at_criterion": ("{where}, {criterion}: {problem}",
                            "{where}, {criterion}: {problem}"),
    "sheets.scoring_closed": (
        "Scoring is closed: competition '{competition}' is not in judging.",
        "Penilaian ditutup: kompetisi '{competition}' tidak berstatus penilaian.",
    ),
    "sheets.entry_not_eligible": (
        "{where}: the entry is {status}, not eligible; it is not scored.",
        "{where}: inovasi berstatus {status}, bukan memenuhi syarat; inovasi ini tidak dinilai.",
    ),
    "sheets.judge_inactive": (
        "{where}: judge {judge} is inactive.",
        "{where}: juri {judge} tidak aktif.",
    ),
    "sheets.conflicted": (
        "{where}: the judge has a conflict of interest with this entry.",
        "{where}: juri memiliki konflik kepentingan dengan inovasi ini.",
    ),
    "sheets.not_assigned": (
        "{where}: the judge is not assigned to this entry in this round.",
        "{where}: juri tidak ditugaskan untuk inovasi ini pada tahap ini.",
    ),
    "sheets.not_assigned_in_round": (
        "{judge} / {entry}: the judge is not assigned to this entry in round '{round}'.",
        "{judge} / {entry}: juri tidak ditugaskan untuk inovasi ini pada tahap '{round}'.",
    ),
    "sheets.outside_scale": (
        "{value:number} is outside the scale {low:number}–{high:number}.",
        "{value:number} berada di luar skala {low:number}–{high:number}.",
    ),
    "sheets.off_step": (
        "{value:number} is not on the scale's step of {step:number}.",
        "{value:number} tidak sesuai kelipatan skala {step:number}.",
    ),
    "sheets.locked": (
        "{where}: the sheet is submitted and locked; the secretariat can reopen it.",
        "{where}: lembar penilaian sudah dikirim dan dikunci; sekretariat dapat membukanya "
        "kembali.",
    ),
    "sheets.changed_meanwhile": (
        "{where}: the sheet was changed elsewhere meanwhile; reload it.",
        "{where}: lembar penilaian telah diubah di tempat lain sementara itu; muat ulang.",
    ),
    "sheets.unknown_criteria": (
        "{where}: no criterion {codes} in round {round}.",
        "{where}: tidak ada kriteria {codes} pada tahap {round}.",
    ),
    "sheets.comment_needs_score": (
        "{where}, {criterion}: a comment needs a score on that criterion.",
        "{where}, {criterion}: komentar memerlukan nilai pada kriteria tersebut.",
    ),
    "sheets.missing_scores": (
        "{where}: cannot submit, criteria without a score:",
        "{where}: tidak dapat dikirim, kriteria yang belum diberi nilai:",
    ),
    "sheets.nothing_to_submit": (
        "{where}: there is no sheet to submit yet.",
        "{where}: belum ada lembar penilaian untuk dikirim.",
    ),
    "sheets.already_submitted": (
        "{where}: the sheet is already submitted.",
        "{where}: lembar penilaian sudah dikirim.",
    ),
    "sheets.reopen_needs_reason": (
        "Reopening a sheet needs a reason.",
        "Membuka kembali lembar penilaian memerlukan alasan.",
    ),
    "sheets.only_submitted_reopen": (
        "{where}: only a submitted sheet can be reopened.",
        "{where}: hanya lembar penilaian yang sudah dikirim yang dapat dibuka kembali.",
    ),
}
