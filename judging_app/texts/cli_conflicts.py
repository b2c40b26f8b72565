"""What `judging-app conflicts …` prints (cli/conflicts.py)."""

TEXTS = {
    "cli_conflicts.header": ("judge|entry|found|reason", "juri|inovasi|sumber|alasan"),
    "cli_conflicts.reason_text": ("{reason}: {text}", "{reason}: {text}"),
    "cli_conflicts.none": ("No conflicts of interest.", "Tidak ada konflik kepentingan."),
    "cli_conflicts.declared": (
        "Conflict of interest recorded: {judge} will not score {entry} ({reason}).",
        "Konflik kepentingan dicatat: {judge} tidak akan menilai {entry} ({reason}).",
    ),
    "cli_conflicts.withdrawn": (
        "The declared conflict of {judge} with {entry} is withdrawn.",
        "Konflik kepentingan {judge} dengan {entry} yang dinyatakan telah dicabut.",
    ),
}
