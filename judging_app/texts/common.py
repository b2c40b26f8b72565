"""Texts shared by every part of the app: how refusals and import problems are framed."""

TEXTS = {
    "common.import_refused": (
        "{source}: nothing was imported; {count:count} {count:plural:problem:problems}:",
        "{source}: tidak ada yang diimpor; {count:count} masalah:",
    ),
    "common.and_more": (
        "… and {count:count} more",
        "… dan {count:count} lainnya",
    ),
    "common.unexpected": (
        "Something unexpected went wrong; nothing was changed. Details were written to {path}.",
        "Terjadi kesalahan tak terduga; tidak ada yang diubah. Rinciannya ditulis ke {path}.",
    ),
    "workspace.no_actor": (
        "Say who is working (a name) before changing anything.",
        "Sebutkan siapa yang sedang bekerja (sebuah nama) sebelum mengubah apa pun.",
    ),
}
