"""The words of the PDF documents, Indonesian (default) and English, in one dictionary, and
the formatting of numbers and dates as formal Indonesian documents write them: month and
day names, dates and the decimal comma from CLDR through Babel, number words (terbilang)
from num2words, times in the competition's zone through zoneinfo."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal

TEXT: dict[str, dict[str, str]] = {
    "id": {
        "page": "Halaman {page} dari {pages}",
        "draft": "DRAF – hasil belum difinalkan",
        "blank": "……………………………",
        "dateline": "Ditetapkan di {place} pada tanggal {date}",
        "continued": "(lanjutan)",
        "none": "Tidak ada.",
        # minutes
        "minutes_title": "BERITA ACARA PENILAIAN",
        "minutes_draft_title": "DRAF BERITA ACARA PENILAIAN",
        "number": "Nomor: {number}",
        "watermark": "DRAF",
        "nip": "NIP. {nip}",
        "receipt": "Tanda terima finalisasi:",
        "opening": "Pada hari ini {weekday}, tanggal {day_words} bulan {month} tahun {year_words} "
                   "({date}), Dewan Juri {competition} yang diselenggarakan oleh {organiser} "
                   "telah melaksanakan tahap {rounds} dengan hasil sebagai berikut.",
        "sec_judges": "I. DEWAN JURI",
        "sec_method": "II. METODE PENILAIAN",
        "sec_results": "III. HASIL PENILAIAN",
        "sec_ties": "IV. KEPUTUSAN ATAS NILAI SAMA",
        "sec_notes": "V. CATATAN",
        "sec_validity": "VI. KEABSAHAN HASIL",
        "col_no": "No.", "col_name": "Nama", "col_affiliation": "Instansi / Afiliasi",
        "col_position": "Jabatan", "col_signature": "Tanda Tangan",
        "chair": "Ketua Dewan Juri", "member": "Anggota",
        "round_line": "Tahap {name}", "round_weight": " (bobot {weight} %)",
        "col_criterion": "Kriteria (aspek penilaian)", "col_weight": "Bobot (%)",
        "col_scale": "Skala",
        "formula": "Nilai juri = Σ bobot × skor / skor maksimum (bobot dalam persen; 0–100). "
                   "Antarjuri: {method}. Antartahap: {combination}.",
        "m_mean": "rata-rata nilai para juri", "m_median": "median nilai para juri",
        "m_trimmed_mean": "rata-rata tanpa satu nilai tertinggi dan satu nilai terendah",
        "m_standardized": "rata-rata nilai baku (skor z) per juri",
        "c_last_round": "nilai tahap terakhir",
        "c_weighted": "Σ bobot tahap × nilai tahap / 100",
        "tiebreak_intro": "Urutan penentuan peringkat bila nilai sama: {chain}.",
        "t_criteria_by_weight": "nilai kriteria berbobot terbesar, lalu berikutnya",
        "t_later_round": "nilai pada tahap yang lebih akhir",
        "t_first_places": "jumlah peringkat pertama dari para juri",
        "t_chair_decision": "keputusan Ketua Dewan Juri", "t_criterion": "nilai kriteria {code}",
        "rounding": "Nilai ditampilkan dengan dua desimal (dibulatkan setengah ke atas); "
                    "peringkat dan nilai sama ditentukan dengan nilai eksak.",
        "category": "Kategori: {name}", "overall": "Seluruh peserta",
        "col_rank": "Per.", "col_code": "Kode", "col_title": "Judul Inovasi",
        "col_unit": "Perangkat Daerah", "col_score": "Nilai Akhir", "col_remarks": "Keterangan",
        "r_tied": "nilai sama", "r_blocked": "nilai sama, menunggu keputusan ketua",
        "r_incomplete": "belum lengkap ({sheets}/{expected} lembar)",
        "r_chair": "urutan diputuskan ketua", "r_unranked": "tidak diperingkat",
        "tie_item": "{entries} memperoleh nilai akhir yang sama. Urutan yang ditetapkan: "
                    "{order}. Alasan: {reason} Diputuskan oleh {by} pada {at}.",
        "tie_open": "Belum diputuskan: {entries} ({category}, peringkat {rank}) memperoleh "
                    "nilai akhir yang sama pada batas penghargaan.",
        "no_ties": "Tidak ada nilai sama yang memerlukan keputusan Ketua Dewan Juri.",
        "digest": "Hasil penilaian telah difinalkan pada {at}. Sidik digital (SHA-256) rekaman "
                  "hasil yang difinalkan:",
        "not_final": "Hasil penilaian belum difinalkan; dokumen ini adalah draf dan belum "
                     "memiliki sidik digital rekaman hasil.",
        "closing": "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan "
                   "sebagaimana mestinya.",
        "panel": "DEWAN JURI",
        # winners list
        "winners_title": "DAFTAR PEMENANG",
        "winners_draft_title": "DRAF DAFTAR PEMENANG",
        "draft_note": "Rancangan: hasil belum difinalkan dan dapat berubah.",
        "annex": "LAMPIRAN", "decree": "KEPUTUSAN {head}", "decree_no": "NOMOR",
        "decree_date": "TANGGAL", "decree_about": "TENTANG",
        "about": "PENETAPAN PEMENANG {competition} TAHUN {year}",
        "head_default": "WALI KOTA",
        "col_award": "Penghargaan",
        "no_winners": "Belum ada pemenang yang dapat ditetapkan pada kategori ini.",
        "pending": "Menunggu keputusan Ketua Dewan Juri atas nilai sama: {entries}.",
        "mayor": "{head},",
        # blank score sheet
        "sheet_title": "LEMBAR PENILAIAN",
        "l_competition": "Kompetisi", "l_round": "Tahap", "l_judge": "Juri",
        "rubric": "Kriteria penilaian", "col_levels": "Keterangan skor",
        "scale": "{min}–{max}, kelipatan {step}",
        "sheet_formula": "Nilai = Σ bobot × skor / skor maksimum (0–100). Isilah skor setiap "
                         "kriteria sesuai skalanya; kolom Nilai boleh dikosongkan (dihitung oleh "
                         "sekretariat).",
        "grid": "Penilaian per inovasi",
        "col_total": "Nilai", "col_comment": "Catatan",
        "no_entries": "Belum ada inovasi yang ditugaskan kepada juri ini pada tahap ini.",
        "judge_sign": "Juri,",
        # notes of the results (English messages of core/scoring, by their code)
        "n_round_not_started": "Tahap terakhir belum dimulai, sehingga nilai akhir berbobot "
                               "belum dapat dihitung; peringkat memakai tahap {rounds}.",
        "n_trimmed_mean_fallback": "Tahap {round}: rata-rata terpangkas memerlukan sekurang-"
                                   "kurangnya {min} lembar; {n} inovasi dengan lembar lebih "
                                   "sedikit memakai rata-rata biasa.",
        "n_standardized_zero_spread": "Tahap {round}: ada juri yang memberi nilai sama kepada "
                                      "semua inovasi yang dinilainya dalam satu kategori; "
                                      "lembarnya dihitung sebagai rata-rata panel.",
        "n_incomplete_unranked": "{n} inovasi belum lengkap (lembar penilaian kurang) dan "
                                 "tidak diperingkat; sekretariat dapat mengizinkan inovasi "
                                 "yang belum lengkap.",
        "n_round_missing": "{n} inovasi tidak memiliki nilai pada sekurang-kurangnya satu "
                           "tahap; bila inovasi yang belum lengkap diperingkat, tahap tersebut "
                           "dihitung 0.",
    },
    "en": {
        "page": "Page {page} of {pages}",
        "draft": "DRAFT – results not finalized",
        "blank": "……………………………",
        "dateline": "Issued at {place} on {date}",
        "continued": "(continued)",
        "none": "None.",
        "minutes_title": "MINUTES OF EVALUATION",
        "minutes_draft_title": "DRAFT MINUTES OF EVALUATION",
        "number": "Number: {number}",
        "watermark": "DRAFT",
        "nip": "NIP {nip}",
        "receipt": "Finalize receipt:",
        "opening": "On {weekday}, {date}, the panel of judges of {competition}, organised by "
                   "{organiser}, completed the round {rounds} with the following results.",
        "sec_judges": "I. PANEL OF JUDGES",
        "sec_method": "II. EVALUATION METHOD",
        "sec_results": "III. RESULTS",
        "sec_ties": "IV. DECISIONS ON TIES",
        "sec_notes": "V. NOTES",
        "sec_validity": "VI. AUTHENTICITY OF THE RESULTS",
        "col_no": "No.", "col_name": "Name", "col_affiliation": "Affiliation",
        "col_position": "Position", "col_signature": "Signature",
        "chair": "Chair of the panel", "member": "Member",
        "round_line": "Round {name}", "round_weight": " (weight {weight} %)",
        "col_criterion": "Criterion", "col_weight": "Weight (%)", "col_scale": "Scale",
        "formula": "Judge's total = Σ weight × score / maximum score (weights in percent; "
                   "0–100). Across judges: {method}. Across rounds: {combination}.",
        "m_mean": "mean of the judges' totals", "m_median": "median of the judges' totals",
        "m_trimmed_mean": "mean without the highest and the lowest total",
        "m_standardized": "mean of per-judge standardized totals (z-scores)",
        "c_last_round": "the last round's score",
        "c_weighted": "Σ round weight × round score / 100",
        "tiebreak_intro": "Equal scores are separated by, in order: {chain}.",
        "t_criteria_by_weight": "the score on the heaviest criterion, then the next",
        "t_later_round": "the score in the later round",
        "t_first_places": "the number of judges' first places",
        "t_chair_decision": "the chair's decision", "t_criterion": "the score on criterion {code}",
        "rounding": "Scores are shown with two decimals (rounded half up); ranks and ties use "
                    "the exact values.",
        "category": "Category: {name}", "overall": "All entries",
        "col_rank": "Rank", "col_code": "Code", "col_title": "Innovation",
        "col_unit": "Government unit", "col_score": "Final score", "col_remarks": "Remarks",
        "r_tied": "tied", "r_blocked": "tied, awaiting the chair's decision",
        "r_incomplete": "incomplete ({sheets}/{expected} sheets)",
        "r_chair": "order decided by the chair", "r_unranked": "not ranked",
        "tie_item": "{entries} have the same final score. Order decided: {order}. "
                    "Reason: {reason} Decided by {by} on {at}.",
        "tie_open": "Not yet decided: {entries} ({category}, rank {rank}) have the same final "
                    "score on an award boundary.",
        "no_ties": "No tie needed a decision by the chair.",
        "digest": "The results were finalized on {at}. Digital fingerprint (SHA-256) of the "
                  "finalized results record:",
        "not_final": "The results are not finalized; this document is a draft and has no "
                     "fingerprint of a results record yet.",
        "closing": "These minutes were drawn up truthfully, to be used as appropriate.",
        "panel": "PANEL OF JUDGES",
        "winners_title": "LIST OF WINNERS",
        "winners_draft_title": "DRAFT LIST OF WINNERS",
        "draft_note": "Draft: the results are not finalized and may change.",
        "annex": "ANNEX", "decree": "DECREE OF THE {head}", "decree_no": "NUMBER",
        "decree_date": "DATE", "decree_about": "ON",
        "about": "THE WINNERS OF {competition} {year}",
        "head_default": "MAYOR",
        "col_award": "Award",
        "no_winners": "No winner can be named in this category yet.",
        "pending": "Awaiting the chair's decision on a tie: {entries}.",
        "mayor": "{head},",
        "sheet_title": "SCORE SHEET",
        "l_competition": "Competition", "l_round": "Round", "l_judge": "Judge",
        "rubric": "Criteria", "col_levels": "Score levels",
        "scale": "{min}–{max}, step {step}",
        "sheet_formula": "Total = Σ weight × score / maximum score (0–100). Score every "
                         "criterion on its scale; the Total column may be left empty (the "
                         "secretariat computes it).",
        "grid": "Scores per innovation",
        "col_total": "Total", "col_comment": "Comments",
        "no_entries": "No innovation is assigned to this judge in this round yet.",
        "judge_sign": "Judge,",
    },
}

_LOCALES = {"id": "id_ID", "en": "en_GB"}  # en_GB: the day before the month, as in id


def words_id(n: int) -> str:
    """A whole number in Indonesian words (terbilang), by num2words: 2026 → 'dua ribu dua
    puluh enam'."""
    from num2words import num2words

    return num2words(n, lang="id")


def lang_of(lang: str) -> str:
    if lang not in TEXT:
        raise ValueError(f"unknown language {lang!r}; use one of {sorted(TEXT)}")
    return lang


def t(lang: str, key: str, **values) -> str:
    text = TEXT[lang][key]
    return text.format(**values) if values else text


def date_text(lang: str, d: date) -> str:
    """27 November 2026 (CLDR's long date through Babel; both languages put the day first)."""
    from babel.dates import format_date

    return format_date(d, format="d MMMM y", locale=_LOCALES[lang])


def number(lang: str, text: str) -> str:
    """A displayed decimal ('95.67') in the document's language: 95,67 in Indonesian (Babel's
    number symbols; the digits are kept as given, so nothing is rounded again)."""
    from babel.numbers import get_decimal_symbol

    return text.replace(".", get_decimal_symbol(_LOCALES[lang])) if text else text


def opening_values(lang: str, d: date) -> dict[str, str]:
    """The parts of the minutes' opening sentence: weekday and month names (Babel), the day
    and the year in words (num2words)."""
    from babel.dates import format_date

    loc = _LOCALES[lang]
    return {"weekday": format_date(d, format="EEEE", locale=loc), "day_words": words_id(d.day),
            "month": format_date(d, format="MMMM", locale=loc), "year_words": words_id(d.year),
            "date": date_text(lang, d)}


def decimal_text(lang: str, d: Decimal) -> str:
    """A weight or a scale bound without trailing zeros: 15, 12,5 (Indonesian)."""
    from judging_app.texts import format_number

    return format_number(d, lang)


def when(lang: str, at: datetime, zone: tzinfo | None = None) -> str:
    """27 November 2026 10.15 WITA: in the competition's time zone (zoneinfo), with the
    zone's Indonesian abbreviation (WIB, WITA, WIT) or its UTC offset elsewhere."""
    from babel.dates import format_datetime

    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at
    local = at.astimezone(zone or UTC)
    pattern = "d MMMM y HH.mm" if lang == "id" else "d MMMM y HH:mm"
    text = format_datetime(local, format=pattern, locale=_LOCALES[lang])
    abbreviation = local.tzname() or ""
    if not abbreviation.isalpha():  # "+08": say it as UTC+8
        offset = local.utcoffset()
        hours = int(offset.total_seconds() // 3600) if offset is not None else 0
        abbreviation = f"UTC{hours:+d}" if hours else "UTC"
    return f"{text} {abbreviation}"


def join(lang: str, items: Sequence[str]) -> str:
    """A, B dan C."""
    word = " dan " if lang == "id" else " and "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + word + items[-1]


def sentence(text: str) -> str:
    """One line, ending with a full stop."""
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."
