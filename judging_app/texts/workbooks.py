"""Excel score workbooks for judges without the app (services/score_workbooks.py,
exchange/score_workbook.py)."""

TEXTS = {
    "workbooks.bad_language": (
        "The workbook's language must be 'id' or 'en', not '{lang}'.",
        "Bahasa buku kerja harus 'id' atau 'en', bukan '{lang}'.",
    ),
    "workbooks.no_criteria": (
        "Round '{round}' has no criteria yet: nothing to score.",
        "Tahap '{round}' belum memiliki kriteria: tidak ada yang perlu dinilai.",
    ),
    "workbooks.judge_problem": ("Judge {judge}: {problem}", "Juri {judge}: {problem}"),
    "workbooks.other_competition": (
        "this score sheet is for competition '{claimed}' ({name}), not '{competition}'; import "
        "it into that competition",
        "lembar penilaian Excel ini untuk kompetisi '{claimed}' ({name}), bukan '{competition}'; impor ke "
        "kompetisi tersebut",
    ),
    "workbooks.twin_competition": (
        "this score sheet is for another competition that also has the code '{competition}' "
        "(created {claimed_at}; the one here was created {here_at})",
        "lembar penilaian Excel ini untuk kompetisi lain yang juga berkode '{competition}' (dibuat "
        "{claimed_at}; kompetisi di sini dibuat {here_at})",
    ),
    "workbooks.other_round": (
        "this score sheet is for round '{round}' ({name}), not round '{wanted}'",
        "lembar penilaian Excel ini untuk tahap '{round}' ({name}), bukan tahap '{wanted}'",
    ),
    "workbooks.other_judge": (
        "this score sheet is for judge {judge} ({name}), not judge {wanted}",
        "lembar penilaian Excel ini untuk juri {judge} ({name}), bukan juri {wanted}",
    ),
    "workbooks.not_scored_round": (
        "this score sheet is for round '{round}', which is not a scored round of competition "
        "'{competition}'",
        "lembar penilaian Excel ini untuk tahap '{round}', yang bukan tahap penilaian dalam kompetisi "
        "'{competition}'",
    ),
    "workbooks.unknown_judge": (
        "this score sheet claims judge '{judge}', who is not a judge of competition "
        "'{competition}'",
        "lembar penilaian Excel ini mengaku dari juri '{judge}', yang bukan juri kompetisi "
        "'{competition}'",
    ),
    "workbooks.claim": ("judge {judge}, round {round}", "juri {judge}, tahap {round}"),
    "workbooks.relabelled": (
        "this score sheet claims {claim}, but it was issued to judge {judge}, round {round} "
        "(exported {exported:datetime}): its hidden identity was altered; import the workbook as "
        "the judge received it",
        "lembar penilaian Excel ini mengaku untuk {claim}, tetapi diterbitkan untuk juri {judge}, tahap "
        "{round} (diekspor {exported:datetime}): identitas tersembunyinya telah diubah; impor "
        "buku kerja sebagaimana diterima juri",
    ),
    "workbooks.bad_signature": (
        "the score sheet's identity was altered or damaged: its signature does not match under "
        "judge {judge}'s key (the hidden sheet '_identitas' was edited, or the file was not "
        "exported for {claim} from this database)",
        "identitas lembar penilaian Excel telah diubah atau rusak: tanda tangannya tidak cocok menurut "
        "kunci juri {judge} (lembar tersembunyi '_identitas' diedit, atau berkas tidak diekspor "
        "untuk {claim} dari basis data ini)",
    ),
    "workbooks.older": (
        "this score sheet was issued {issued:datetime}, before the one already imported for "
        "judge {judge} in round {round} (issued {newer:datetime}, file {file}, imported "
        "{imported:datetime} by {actor}); importing it could overwrite newer scores, so it was "
        "refused",
        "lembar penilaian Excel ini diterbitkan {issued:datetime}, sebelum lembar yang sudah diimpor untuk "
        "juri {judge} pada tahap {round} (diterbitkan {newer:datetime}, berkas {file}, diimpor "
        "{imported:datetime} oleh {actor}); mengimpornya dapat menimpa nilai yang lebih baru, "
        "sehingga ditolak",
    ),
    "workbooks.entry_not_assigned": (
        "the judge is no longer assigned to this entry in round '{round}'",
        "juri tidak lagi ditugaskan untuk inovasi ini pada tahap '{round}'",
    ),
    "workbooks.scoring_closed": (
        "Scoring is closed: competition '{competition}' is not in judging; {file} was not "
        "imported.",
        "Penilaian ditutup: kompetisi '{competition}' tidak berstatus penilaian; {file} "
        "tidak diimpor.",
    ),
    "workbooks.rubric_changed": (
        "the rubric of round '{round}' changed after this score sheet was exported; the scores "
        "were checked against the current one",
        "rubrik tahap '{round}' berubah setelah lembar penilaian Excel ini diekspor; nilai diperiksa "
        "menurut rubrik yang berlaku sekarang",
    ),
    "workbooks.rows_gone": (
        "{count} {count:plural:entry:entries} issued on this score sheet "
        "{count:plural:has:have} no row any more ({codes}); nothing was changed for them",
        "{count:count} inovasi yang diterbitkan pada lembar penilaian Excel ini tidak lagi memiliki baris "
        "({codes}); tidak ada yang diubah untuk inovasi tersebut",
    ),
    "workbooks.already_imported": (
        "{file}: already imported (judge {judge}, round {round}); nothing changed.",
        "{file}: sudah pernah diimpor (juri {judge}, tahap {round}); tidak ada yang berubah.",
    ),
    "workbooks.nothing_to_change": (
        "{file}: nothing to change (judge {judge}, round {round}): {unchanged:count} "
        "{unchanged:plural:row:rows} as stored, {empty:count} empty.",
        "{file}: tidak ada yang perlu diubah (juri {judge}, tahap {round}): {unchanged:count} "
        "baris sama dengan yang tersimpan, {empty:count} kosong.",
    ),
    "workbooks.imported": (
        "{file}: imported (judge {judge}, round {round}): {created:count} new "
        "{created:plural:sheet:sheets}, {updated:count} updated, {submitted:count} submitted, "
        "{unchanged:count} unchanged, {empty:count} empty {empty:plural:row:rows}.",
        "{file}: diimpor (juri {judge}, tahap {round}): {created:count} lembar penilaian baru, "
        "{updated:count} diperbarui, {submitted:count} terkirim, {unchanged:count} tidak "
        "berubah, {empty:count} baris kosong.",
    ),
}
