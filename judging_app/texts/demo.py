"""Building a demo competition (demo/generator.py)."""

TEXTS = {
    "demo.no_entries": (
        "A demo needs at least one entry.",
        "Demo memerlukan paling sedikit satu inovasi.",
    ),
    "demo.no_judges_per_entry": (
        "Every entry needs at least one judge.",
        "Setiap inovasi memerlukan paling sedikit satu juri.",
    ),
    "demo.too_few_judges": (
        "{judges:count} {judges:plural:judge:judges} cannot give every entry {per_entry:count} "
        "{per_entry:plural:judge:judges}.",
        "{judges:count} juri tidak cukup untuk memberi setiap inovasi {per_entry:count} juri.",
    ),
    "demo.short_of_judges": (
        "The demo's assignment left {count:count} {count:plural:entry:entries} without enough "
        "judges free of a conflict of interest; ask for more judges.",
        "Penugasan demo menyisakan {count:count} inovasi tanpa cukup juri yang bebas konflik "
        "kepentingan; minta lebih banyak juri.",
    ),
    "demo.too_large": (
        "A demo holds at most {entries:count} entries and {judges:count} judges.",
        "Demo memuat paling banyak {entries:count} inovasi dan {judges:count} juri.",
    ),
}
