"""Texts of the installation check (`judging-app gui --smoke-test`)."""

TEXTS = {
    "install.smoke_question_declined": (
        "Smoke test: answered Cancel to \"{title}\".",
        "Uji cepat: pertanyaan \"{title}\" dijawab Batal.",
    ),
    "install.smoke_window_shown": (
        "Smoke test: the window \"{title}\" opened ({width} × {height}); closing it.",
        "Uji cepat: jendela \"{title}\" terbuka ({width} × {height}); ditutup kembali.",
    ),
    "install.smoke_window_missing": (
        "Smoke test: the window did not open.",
        "Uji cepat: jendela tidak terbuka.",
    ),
}
