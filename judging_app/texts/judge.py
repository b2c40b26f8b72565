"""Judge mode's own refusals (judging_app/ui/judge sessions): the judge's work file, the
return file, the database connection."""

TEXTS = {
    "judge.conflicts_to_secretariat": (
        "Conflicts of interest are declared to the secretariat.",
        "Konflik kepentingan dinyatakan kepada sekretariat.",
    ),
    "judge.only_packages_return": (
        "Only a judge package has a return file.",
        "Hanya paket juri yang memiliki berkas kembalian.",
    ),
    "judge.work_file_unusable": (
        "The work file cannot be used: {problem}",
        "Berkas kerja tidak dapat digunakan: {problem}",
    ),
    "judge.not_in_package": (
        "Entry '{entry}' is not in this package.",
        "Inovasi '{entry}' tidak ada dalam paket ini.",
    ),
    "judge.save_failed": (
        "Your work could not be saved: {problem} It is kept while the app stays open.",
        "Pekerjaan Anda tidak dapat disimpan: {problem} Pekerjaan tersebut tetap tersimpan "
        "selama aplikasi masih terbuka.",
    ),
    "judge.return_not_written": (
        "The return file could not be written: {problem}",
        "Berkas kembalian tidak dapat ditulis: {problem}",
    ),
    "judge.database_unreachable": (
        "The database could not be reached; nothing was saved.",
        "Basis data tidak dapat dihubungi; tidak ada yang disimpan.",
    ),
    "judge.no_document": (
        "{entry}: no such document.",
        "{entry}: dokumen tersebut tidak ada.",
    ),
    "judge.no_documents": (
        "This session carries no documents.",
        "Sesi ini tidak membawa dokumen.",
    ),
    "judge.document_damaged": (
        "{file} was changed or is missing in this package; ask the secretariat for a new copy.",
        "{file} telah diubah atau hilang dari paket ini; mintalah salinan baru kepada "
        "sekretariat.",
    ),
    "judge.document_unwritable": (
        "{file} cannot be written to a temporary folder: {problem}",
        "{file} tidak dapat ditulis ke folder sementara: {problem}",
    ),
}
