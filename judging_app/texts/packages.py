"""Judge packages and their returns (services/judge_packages.py; the judge's draft in
exchange/judge_package_draft.py)."""

TEXTS = {
    "packages.finalized": (
        "Competition '{competition}' is finalized; nobody scores it any more.",
        "Kompetisi '{competition}' sudah final (disahkan); tidak ada lagi yang menilainya.",
    ),
    "packages.cannot_write": (
        "The packages cannot be written: {problem}",
        "Paket juri tidak dapat ditulis: {problem}",
    ),
    "packages.judge_has_none": (
        "Judge {judge} has no entries assigned in round '{round}': nothing to score.",
        "Juri {judge} tidak ditugaskan menilai inovasi apa pun pada tahap '{round}': tidak ada "
        "yang perlu dinilai.",
    ),
    "packages.nobody_has_any": (
        "Nobody has entries assigned in round '{round}': nothing to score.",
        "Belum ada juri yang ditugaskan menilai inovasi pada tahap '{round}': tidak ada yang "
        "perlu dinilai.",
    ),
    "packages.other_competition": (
        "this return is for competition '{claimed}' ({name}), not '{competition}'; import it "
        "into that competition",
        "berkas kembalian ini untuk kompetisi '{claimed}' ({name}), bukan '{competition}'; "
        "impor ke kompetisi tersebut",
    ),
    "packages.twin_competition": (
        "this return is for another competition that also has the code '{competition}' "
        "(created {claimed_at}; the one here was created {here_at})",
        "berkas kembalian ini untuk kompetisi lain yang juga berkode '{competition}' (dibuat "
        "{claimed_at}; kompetisi di sini dibuat {here_at})",
    ),
    "packages.not_scored_round": (
        "this return is for round '{round}', which is not a scored round of competition "
        "'{competition}'",
        "berkas kembalian ini untuk tahap '{round}', yang bukan tahap penilaian dalam kompetisi "
        "'{competition}'",
    ),
    "packages.unknown_judge": (
        "this return claims judge '{judge}', who is not a judge of competition '{competition}'",
        "berkas kembalian ini mengaku dari juri '{judge}', yang bukan juri kompetisi "
        "'{competition}'",
    ),
    "packages.relabelled": (
        "the file claims to come from judge {judge} but is signed with the key of judge "
        "{signer}: it was altered (relabelled)",
        "berkas ini mengaku berasal dari juri {judge} tetapi ditandatangani dengan kunci juri "
        "{signer}: berkas telah diubah (labelnya diganti)",
    ),
    "packages.bad_signature": (
        "altered or damaged: the signature does not match the content under judge {judge}'s "
        "key (the file was changed after the judge's app wrote it, or it was not made from "
        "{judge}'s package)",
        "diubah atau rusak: tanda tangan tidak cocok dengan isinya menurut kunci juri {judge} "
        "(berkas diubah setelah aplikasi juri menulisnya, atau tidak dibuat dari paket juri "
        "{judge})",
    ),
    "packages.no_such_entry": (
        "no such entry in competition '{competition}'",
        "tidak ada inovasi tersebut dalam kompetisi '{competition}'",
    ),
    "packages.entry_conflicted": (
        "the judge has a conflict of interest with this entry",
        "juri memiliki konflik kepentingan dengan inovasi ini",
    ),
    "packages.entry_not_assigned": (
        "the judge is not assigned to this entry in round '{round}'",
        "juri tidak ditugaskan untuk inovasi ini pada tahap '{round}'",
    ),
    "packages.scoring_closed": (
        "Scoring is closed: competition '{competition}' is not in judging; {file} was not "
        "imported.",
        "Penilaian ditutup: kompetisi '{competition}' tidak berstatus penilaian; {file} "
        "tidak diimpor.",
    ),
    "packages.rubric_changed": (
        "the rubric of round '{round}' changed after this package was issued; the scores were "
        "checked against the current one",
        "rubrik tahap '{round}' berubah setelah paket ini diterbitkan; nilai diperiksa menurut "
        "rubrik yang berlaku sekarang",
    ),
    "packages.already_imported": (
        "{file}: already imported (judge {judge}, round {round}, return {sequence}); nothing "
        "changed.",
        "{file}: sudah pernah diimpor (juri {judge}, tahap {round}, berkas kembalian ke-"
        "{sequence}); tidak ada yang berubah.",
    ),
    "packages.imported": (
        "{file}: imported (judge {judge}, round {round}, return {sequence}): {created:count} "
        "new {created:plural:sheet:sheets}, {updated:count} updated, {submitted:count} "
        "submitted, {unchanged:count} unchanged.",
        "{file}: diimpor (juri {judge}, tahap {round}, berkas kembalian ke-{sequence}): "
        "{created:count} lembar penilaian baru, {updated:count} diperbarui, {submitted:count} "
        "terkirim, {unchanged:count} tidak berubah.",
    ),
    # -- the judge's draft in a package (exchange/judge_package_draft.py) -------------------
    "packages.draft.no_criterion": (
        "No criterion '{code}' in the rubric of round '{round}'.",
        "Tidak ada kriteria '{code}' dalam rubrik tahap '{round}'.",
    ),
    "packages.draft.no_entry": (
        "Entry '{entry}' is not in this package (judge {judge}, round {round}).",
        "Inovasi '{entry}' tidak ada dalam paket ini (juri {judge}, tahap {round}).",
    ),
    "packages.draft.locked": (
        "{entry}: the sheet is submitted and locked; only the secretariat can reopen it.",
        "{entry}: lembar penilaian sudah dikirim dan dikunci; hanya sekretariat yang dapat "
        "membukanya kembali.",
    ),
    "packages.draft.at_criterion": ("{criterion}: {problem}", "{criterion}: {problem}"),
    "packages.draft.missing_scores": (
        "{entry}: cannot submit, criteria without a score: {codes}.",
        "{entry}: tidak dapat dikirim, kriteria yang belum diberi nilai: {codes}.",
    ),
    "packages.draft.sequence": (
        "The sequence number must grow with every export: {sequence} is not after {last}.",
        "Nomor urut harus bertambah pada setiap ekspor: {sequence} tidak lebih besar daripada "
        "{last}.",
    ),
}
