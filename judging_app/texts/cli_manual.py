"""What `judging-app manual` prints (cli/manual.py)."""

TEXTS = {
    "cli_manual.written": ("Wrote the manual to {path}: {pages:count} {pages:plural:page:pages}.",
                           "Panduan ditulis ke {path}: {pages:count} halaman."),
}
