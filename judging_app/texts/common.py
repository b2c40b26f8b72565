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
    "common.os.the_file": ("The file", "Berkas"),
    "common.os.not_found": ("{path}: the file or folder does not exist.",
                            "{path}: berkas atau folder tidak ada."),
    "common.os.permission": ("{path}: permission denied (the file may be open in another "
                             "program, or you may not have the right to it).",
                             "{path}: akses ditolak (berkas mungkin sedang dibuka oleh program "
                             "lain, atau Anda tidak memiliki hak atasnya)."),
    "common.os.is_folder": ("{path} is a folder, not a file.",
                            "{path} adalah folder, bukan berkas."),
    "common.os.not_folder": ("{path}: part of the path is a file, not a folder.",
                             "{path}: sebagian jalurnya adalah berkas, bukan folder."),
    "common.os.no_space": ("{path}: the disk is full.", "{path}: disk penuh."),
    "common.os.read_only": ("{path}: the disk is read-only.",
                            "{path}: disk hanya dapat dibaca."),
    "common.os.name_too_long": ("{path}: the file name is too long.",
                                "{path}: nama berkas terlalu panjang."),
    "common.os.exists": ("{path} already exists.", "{path} sudah ada."),
    "common.os.not_a_file": (
        "{path} is not an ordinary file (a device, a pipe or a socket); choose another file "
        "name.",
        "{path} bukan berkas biasa (perangkat, pipa, atau soket); pilih nama berkas lain."),
    "common.os.other": ("{path}: the file cannot be used ({reason}).",
                        "{path}: berkas tidak dapat digunakan ({reason})."),
}
