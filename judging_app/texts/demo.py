"""The demo competition (demo/generator.py)."""

TEXTS = {
    "demo.entries": (
        "A demo needs between 1 and {most:count} entries, not {entries}.",
        "Demo memerlukan antara 1 dan {most:count} inovasi, bukan {entries}.",
    ),
    "demo.judges_per_entry": (
        "Every entry needs at least one judge (--judges-per-entry {judges_per_entry}).",
        "Setiap inovasi memerlukan paling sedikit satu juri (--judges-per-entry "
        "{judges_per_entry}).",
    ),
    "demo.judges": (
        "{judges} judges cannot give every entry {judges_per_entry} judges; give at least "
        "{judges_per_entry} judges (and at most {most:count}), or fewer judges per entry "
        "(--judges-per-entry).",
        "{judges} juri tidak dapat memberi setiap inovasi {judges_per_entry} juri; berikan "
        "paling sedikit {judges_per_entry} juri (dan paling banyak {most:count}), atau "
        "kurangi juri per inovasi (--judges-per-entry).",
    ),
    "demo.short": (
        "With the conflicts of interest drawn, {count:count} entries cannot get "
        "{judges_per_entry} judges without a conflict; give more judges.",
        "Dengan konflik kepentingan yang ada, {count:count} inovasi tidak dapat memperoleh "
        "{judges_per_entry} juri tanpa konflik; tambahkan juri.",
    ),
}
