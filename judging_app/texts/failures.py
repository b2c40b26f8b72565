"""Failures outside the app's rules, said in one line (cli/failures.py, ui/crash.py)."""

TEXTS = {
    "failure.interrupted": (
        "Interrupted; the step under way was not written.",
        "Dihentikan; langkah yang sedang berjalan tidak ditulis.",
    ),
    "failure.folder_given": (
        "{path} is a folder; give a file name, e.g. {example}",
        "{path} adalah folder; berikan nama berkas, mis. {example}",
    ),
    "failure.no_folder": (
        "The folder {path} does not exist; create it first, or check the path.",
        "Folder {path} tidak ada; buat dulu, atau periksa jalurnya.",
    ),
}
