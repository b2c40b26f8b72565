"""The words of the programme's documents (compliance workbook and PDF, the public
catalogue), Indonesian (the default) and English. Labels of stored codes too: a document
never shows 'implementation' where it means 'penerapan'."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "id": {
        "compliance_title": "DAFTAR KEPATUHAN PERANGKAT DAERAH",
        "compliance_about": "PROGRAM SATU PERANGKAT DAERAH SATU INOVASI TAHUN {year}",
        "compliance_sheet": "Kepatuhan {year}",
        "none_sheet": "Belum berinovasi",
        "summary": "Dari {units} perangkat daerah, {compliant} telah memiliki inovasi pada tahun "
                   "{year} dan {missing} belum memiliki inovasi.",
        "counted": "Kompetisi yang diperhitungkan: {competitions}.",
        "counted_none": "Tidak ada kompetisi tingkat kota pada tahun {year}.",
        "not_final": "Hasil {competitions} belum difinalkan: penghargaan belum dihitung.",
        "outside": "{count} peserta berasal dari unit yang belum terhubung ke register dan "
                   "tidak dihitung.",
        "explain": "Terdaftar: inovasi yang dibangun atau dikembangkan perangkat daerah pada "
                   "tahun itu (baru, replikasi, atau menjadi peserta kompetisi); inovasi lama "
                   "yang sekadar masih berjalan tidak dihitung. Peserta, memenuhi syarat dan "
                   "meraih penghargaan: peserta kompetisi tingkat kota tahun itu.",
        "missing_heading": "A. Perangkat daerah yang belum memiliki inovasi",
        "all_heading": "B. Rekapitulasi seluruh perangkat daerah",
        "col_no": "No.", "col_code": "Kode", "col_unit": "Perangkat Daerah", "col_kind": "Jenis",
        "col_registered": "Inovasi terdaftar", "col_entered": "Peserta kompetisi",
        "col_eligible": "Memenuhi syarat", "col_awarded": "Meraih penghargaan",
        "col_innovations": "Inovasi", "col_remarks": "Keterangan", "col_awards": "Penghargaan",
        "remark_none": "Belum memiliki inovasi",
        "remark_absorbed": "termasuk {units} (digabung)",
        "total": "Jumlah",
        "dateline": "{place}, {date}",
        "signer": "Kepala Bagian Organisasi",
        "annex": "LAMPIRAN", "letter_no": "NOMOR", "letter_date": "TANGGAL",
        "letter_about": "PERIHAL", "letter": "SURAT {blank}",
        # catalogue
        "catalogue_title": "Katalog Inovasi Pelayanan Publik",
        "catalogue_intro": "Jaringan informasi inovasi: {count} inovasi perangkat daerah.",
        "search": "Cari judul, perangkat daerah, ringkasan…",
        "all_years": "Semua tahun", "all_units": "Semua perangkat daerah",
        "all_categories": "Semua kategori", "all_awards": "Semua", "awarded_only": "Meraih penghargaan",
        "not_awarded": "Tanpa penghargaan",
        "shown": "inovasi ditampilkan", "no_match": "Tidak ada inovasi yang cocok.",
        "col_title": "Judul inovasi", "col_years": "Tahun", "col_category": "Kategori",
        "back": "← Kembali ke katalog", "summary_heading": "Ringkasan", "no_summary": "Belum ada "
        "ringkasan.", "first_year": "Pertama terdaftar", "stage": "Tahapan",
        "type": "Jenis", "links": "Tautan", "innovators": "Inovator", "contact": "Kontak",
        "history": "Riwayat", "col_competition": "Kompetisi", "col_status": "Status",
        "monitoring": "Pemantauan", "replicated_by": "direplikasi oleh {units}",
        "generated": "Dibuat {date} dengan judging-app.", "catalogue_sheet": "Katalog",
        "download": "Unduh katalog ini sebagai lembar kerja Excel",
        "col_first_year": "Tahun pertama", "col_summary": "Ringkasan", "col_stage": "Tahapan",
        "col_type": "Jenis", "col_links": "Tautan", "col_state": "Status terakhir",
        "col_innovators": "Inovator", "col_contact": "Kontak",
        "stage.initiative": "inisiatif", "stage.trial": "uji coba",
        "stage.implementation": "penerapan",
        "type.digital": "digital", "type.non_digital": "non-digital",
        "state.continued": "berlanjut", "state.stopped": "berhenti",
        "level.city": "kota", "level.regional": "provinsi", "level.national": "nasional",
        "status.registered": "terdaftar", "status.eligible": "memenuhi syarat",
        "status.disqualified": "didiskualifikasi", "status.withdrawn": "mengundurkan diri",
    },
    "en": {
        "compliance_title": "COMPLIANCE OF GOVERNMENT UNITS",
        "compliance_about": "ONE UNIT, ONE INNOVATION PROGRAMME {year}",
        "compliance_sheet": "Compliance {year}",
        "none_sheet": "Without innovation",
        "summary": "Government units: {units}; with an innovation in {year}: {compliant}; "
                   "without one: {missing}.",
        "counted": "Competitions counted: {competitions}.",
        "counted_none": "No city competition in {year}.",
        "not_final": "The results of {competitions} are not finalized: awards are not counted "
                     "yet.",
        "outside": "{count} entries come from units not linked to the register and are not "
                   "counted.",
        "explain": "Registered: the innovations the unit built or developed that year (new, "
                   "replicated, or entered in a competition); an older innovation merely still "
                   "running is not counted. Entered, eligible and awarded: entries in that "
                   "year's city competitions.",
        "missing_heading": "A. Government units without an innovation",
        "all_heading": "B. All government units",
        "col_no": "No.", "col_code": "Code", "col_unit": "Government unit", "col_kind": "Type",
        "col_registered": "Innovations registered", "col_entered": "Entered",
        "col_eligible": "Eligible", "col_awarded": "Awarded",
        "col_innovations": "Innovations", "col_remarks": "Remarks", "col_awards": "Awards",
        "remark_none": "No innovation yet",
        "remark_absorbed": "including {units} (merged)",
        "total": "Total",
        "dateline": "{place}, {date}",
        "signer": "Head of the Organisation Section",
        "annex": "ANNEX", "letter_no": "NUMBER", "letter_date": "DATE",
        "letter_about": "SUBJECT", "letter": "TO THE LETTER OF {blank}",
        "catalogue_title": "Catalogue of Public Service Innovations",
        "catalogue_intro": "Innovation information network: {count} innovations of the city's "
                           "government units.",
        "search": "Search titles, units, summaries…",
        "all_years": "All years", "all_units": "All government units",
        "all_categories": "All categories", "all_awards": "All", "awarded_only": "Awarded",
        "not_awarded": "Not awarded",
        "shown": "innovations shown", "no_match": "No innovation matches.",
        "col_title": "Innovation", "col_years": "Years", "col_category": "Category",
        "back": "← Back to the catalogue", "summary_heading": "Summary",
        "no_summary": "No summary yet.", "first_year": "First registered", "stage": "Stage",
        "type": "Type", "links": "Links", "innovators": "Innovators", "contact": "Contact",
        "history": "History", "col_competition": "Competition", "col_status": "Status",
        "monitoring": "Monitoring", "replicated_by": "replicated by {units}",
        "generated": "Made on {date} with judging-app.", "catalogue_sheet": "Catalogue",
        "download": "Download this catalogue as an Excel workbook",
        "col_first_year": "First year", "col_summary": "Summary", "col_stage": "Stage",
        "col_type": "Type", "col_links": "Links", "col_state": "Latest status",
        "col_innovators": "Innovators", "col_contact": "Contact",
        "stage.initiative": "initiative", "stage.trial": "trial",
        "stage.implementation": "implementation",
        "type.digital": "digital", "type.non_digital": "non-digital",
        "state.continued": "continued", "state.stopped": "stopped",
        "level.city": "city", "level.regional": "provincial", "level.national": "national",
        "status.registered": "registered", "status.eligible": "eligible",
        "status.disqualified": "disqualified", "status.withdrawn": "withdrawn",
    },
}


def w(lang: str, key: str, **values) -> str:
    text = WORDS["en" if lang == "en" else "id"][key]
    return text.format(**values) if values else text


def label(lang: str, kind: str, code: str | None) -> str:
    """A stored code's label ('stage', 'implementation' → 'penerapan'); '' for None."""
    if not code:
        return ""
    return WORDS["en" if lang == "en" else "id"].get(f"{kind}.{code}", code)
