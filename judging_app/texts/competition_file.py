"""Reading competition files (exchange/competition_file.py, exchange/setup_json.py)."""

TEXTS = {
    "competition_file.problem_at": ("{where}: {problem}", "{where}: {problem}"),
    "competition_file.problem": ("{problem}", "{problem}"),
    "competition_file.problems": (
        "{count:count} problems in the competition file:",
        "{count:count} masalah dalam berkas kompetisi:",
    ),
    "competition_file.at_line": ("line {line}, column {column}", "baris {line}, kolom {column}"),
    "competition_file.too_big": (
        "too large to be a competition file",
        "terlalu besar untuk sebuah berkas kompetisi",
    ),
    "competition_file.not_utf8": (
        "not UTF-8 text (undecodable byte at offset {offset}); save the file as UTF-8",
        "bukan teks UTF-8 (bita tak terbaca pada posisi {offset}); simpan berkas sebagai UTF-8",
    ),
    "competition_file.bad_json": (
        "not valid JSON: {detail}",
        "bukan JSON yang sah: {detail}",
    ),
    "competition_file.too_deep": (
        "not a competition file: its JSON is nested far deeper than any competition file",
        "bukan berkas kompetisi: JSON-nya bersarang jauh lebih dalam daripada berkas "
        "kompetisi mana pun",
    ),
    "competition_file.huge_number": (
        "not a competition file: it holds a number with thousands of digits",
        "bukan berkas kompetisi: berkas memuat angka dengan ribuan digit",
    ),
    "competition_file.not_ours": (
        "not a competition file: expected a JSON object with \"format\": \"{format}\", "
        "found {found}",
        "bukan berkas kompetisi: seharusnya objek JSON dengan \"format\": \"{format}\", "
        "ditemukan {found}",
    ),
    "competition_file.wrong_format": (
        "not a competition file: format is {found}, expected \"format\": \"{format}\"",
        "bukan berkas kompetisi: formatnya {found}, seharusnya \"format\": \"{format}\"",
    ),
    "competition_file.no_format": (
        "not a competition file: there is no \"format\" key (expected \"format\": \"{format}\")",
        "bukan berkas kompetisi: tidak ada kunci \"format\" (seharusnya \"format\": "
        "\"{format}\")",
    ),
    "competition_file.bad_version": (
        "expected a whole number of at least 1, found {found}",
        "seharusnya bilangan bulat paling sedikit 1, ditemukan {found}",
    ),
    "competition_file.newer": (
        "this file was made by a newer version of the app (competition file version "
        "{version}; this version of judging_app reads versions up to {known}). Update "
        "judging_app to open it.",
        "berkas ini dibuat oleh versi aplikasi yang lebih baru (versi berkas kompetisi "
        "{version}; versi judging_app ini membaca sampai versi {known}). Perbarui judging_app "
        "untuk membukanya.",
    ),
    "competition_file.twice": (
        "given twice in the same object",
        "diberikan dua kali dalam objek yang sama",
    ),
    "competition_file.unknown_key_like": (
        "unknown key (did you mean {like}?)",
        "kunci tidak dikenal (maksudnya {like}?)",
    ),
    "competition_file.unknown_key": (
        "unknown key (allowed: {allowed})",
        "kunci tidak dikenal (yang boleh: {allowed})",
    ),
    "competition_file.missing": ("missing (required)", "tidak ada (wajib)"),
    "competition_file.null": ("must not be null", "tidak boleh null"),
    "competition_file.not_allowed": (
        "{value} is not allowed; use one of: {allowed}",
        "{value} tidak diperbolehkan; gunakan salah satu dari: {allowed}",
    ),
    "competition_file.expected_flag": (
        "expected true or false, found {found}",
        "seharusnya true atau false, ditemukan {found}",
    ),
    "competition_file.expected_whole": (
        "expected a whole number, found {found}",
        "seharusnya bilangan bulat, ditemukan {found}",
    ),
    "competition_file.expected_text": (
        "expected text, found {found}",
        "seharusnya teks, ditemukan {found}",
    ),
    "competition_file.expected_list": (
        "expected a list [...], found {found}",
        "seharusnya daftar [...], ditemukan {found}",
    ),
    "competition_file.expected_object": (
        "expected an object {{...}}, found {found}",
        "seharusnya objek {{...}}, ditemukan {found}",
    ),
    "competition_file.expected_number": (
        "expected a number such as 12 or \"12.5\", found {found}",
        "seharusnya angka seperti 12 atau \"12.5\", ditemukan {found}",
    ),
    "competition_file.too_large": (
        "{value} is too large",
        "{value} terlalu besar",
    ),
    "competition_file.bad_character": (
        "holds a character that cannot be stored ({character}); remove it",
        "memuat karakter yang tidak dapat disimpan ({character}); hapus karakter itu",
    ),
}
