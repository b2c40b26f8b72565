"""A list of judges read from a file (exchange/judge_list.py, services/judge_import.py)."""

TEXTS = {
    "judge_list.cell": ("{file}, cell {cell} ({header}): {problem}",
                        "{file}, sel {cell} ({header}): {problem}"),
    "judge_list.row": ("{file}, row {row}: {problem}", "{file}, baris {row}: {problem}"),
    "judge_list.no_header": (
        "No header row in the first {rows} rows names a code and a name column (for example "
        "'kode' and 'nama', or 'code' and 'name').",
        "Tidak ada baris judul pada {rows} baris pertama yang memuat kolom kode dan nama "
        "(misalnya 'kode' dan 'nama').",
    ),
    "judge_list.too_many": ("More than {limit:count} judges: is this the right file?",
                            "Lebih dari {limit:count} juri: apakah berkasnya benar?"),
    "judge_list.empty": ("No judges below the header on row {row}.",
                         "Tidak ada juri di bawah baris judul (baris {row})."),
    "judge_list.required": ("a value is required", "wajib diisi"),
    "judge_list.repeated": ("code {code} is repeated (first on row {row})",
                            "kode {code} berulang (pertama di baris {row})"),
    "judge_list.bad_role": ("'{value}' is not a role: write judge (juri) or chair (ketua)",
                            "'{value}' bukan peran: tulis juri atau ketua"),
}
