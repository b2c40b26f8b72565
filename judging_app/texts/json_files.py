"""What is wrong in a JSON file, as Python's parser finds it (exchange/json_errors.py)."""

TEXTS = {
    "json.expecting_value": ("Expecting value", "seharusnya ada nilai"),
    "json.expecting_name": (
        "Expecting property name enclosed in double quotes",
        "seharusnya ada nama kolom data dalam tanda petik ganda",
    ),
    "json.expecting_colon": ("Expecting ':' delimiter", "seharusnya ada pemisah ':'"),
    "json.expecting_comma": ("Expecting ',' delimiter", "seharusnya ada pemisah ','"),
    "json.unterminated_string": (
        "Unterminated string (a double quote is not closed)",
        "teks tidak ditutup (tanda petik ganda tidak ditutup)",
    ),
    "json.control_character": (
        "Invalid control character inside a text",
        "karakter kendali tidak sah di dalam teks",
    ),
    "json.bad_escape": ("Invalid \\ escape", "urutan escape \\ tidak sah"),
    "json.extra_data": (
        "Extra data after the end of the JSON",
        "ada data tambahan setelah akhir JSON",
    ),
    "json.other": ("the JSON cannot be read", "JSON tidak dapat dibaca"),
}
