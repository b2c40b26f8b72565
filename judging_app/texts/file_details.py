"""What a parser found wrong with a file (exchange/file_details.py), shown in parentheses
inside a reader's refusal: "the file is damaged (a part's checksum does not match …)"."""

TEXTS = {
    "file_detail.in_part": ("in {part}: {detail}", "pada {part}: {detail}"),
    "file_detail.technical": (
        "technical detail: {detail}",
        "rincian teknis: {detail}",
    ),
    "file_detail.not_zip": (
        "its end is not what a zip archive ends with: cut off, or not a zip archive",
        "akhirnya tidak seperti akhir arsip zip: terpotong, atau bukan arsip zip",
    ),
    "file_detail.unknown_format": (
        "not in a workbook format the reader knows (.xlsx, .xls, .ods), or cut off",
        "bukan format buku kerja yang dikenal pembaca (.xlsx, .xls, .ods), atau terpotong",
    ),
    "file_detail.bad_crc": (
        "a part's checksum does not match: the file was damaged, e.g. while copying",
        "checksum salah satu bagian tidak cocok: berkas rusak, mis. saat disalin",
    ),
    "file_detail.encrypted": (
        "encrypted: protected with a password",
        "dienkripsi: dilindungi kata sandi",
    ),
    "file_detail.compression": (
        "packed with a compression method this app cannot unpack",
        "dikemas dengan metode kompresi yang tidak dapat dibuka aplikasi ini",
    ),
    "file_detail.overlapped": (
        "parts of the archive overlap: a crafted file",
        "bagian-bagian arsip saling tumpang-tindih: berkas rekayasa",
    ),
    "file_detail.names_differ": (
        "the archive's directory and its parts name different files",
        "daftar isi arsip dan bagian-bagiannya menyebut nama berkas yang berbeda",
    ),
    "file_detail.truncated": (
        "cut off before its end, or its directory is damaged",
        "terpotong sebelum akhirnya, atau daftar isinya rusak",
    ),
    "file_detail.corrupt_data": (
        "compressed data damaged",
        "data terkompresi rusak",
    ),
    "file_detail.missing_part": (
        "the part {part} is missing",
        "bagian {part} tidak ada",
    ),
    "file_detail.nul": (
        "a NUL character (a byte 0)",
        "ada karakter NUL (bita 0)",
    ),
    "file_detail.bare_newline": (
        "a line break inside a value that is not in quotes",
        "ada pemisah baris di dalam nilai yang tidak diapit tanda kutip",
    ),
    "file_detail.integer_too_long": (
        "a whole number with thousands of digits",
        "bilangan bulat dengan ribuan angka",
    ),
    "file_detail.not_finite": (
        "an infinite or undefined number (inf, nan)",
        "angka tak hingga atau tak terdefinisi (inf, nan)",
    ),
    "file_detail.broken_character": (
        "a broken character (half of a surrogate pair)",
        "karakter rusak (separuh pasangan surrogate)",
    ),
    "file_detail.json": (
        "JSON error at line {line}, column {column}: {problem}",
        "kesalahan JSON pada baris {line}, kolom {column}: {problem}",
    ),
    "file_detail.not_utf8": (
        "not UTF-8 text (byte {offset})",
        "bukan teks UTF-8 (bita ke-{offset})",
    ),
    "file_detail.xml_invalid_token": (
        "a character or mark XML does not allow there",
        "ada karakter atau tanda yang tidak diizinkan XML di situ",
    ),
    "file_detail.xml_ended": (
        "the XML stops before its end",
        "XML berhenti sebelum akhirnya",
    ),
    "file_detail.xml_tag_mismatch": (
        "a closing tag does not match its opening tag",
        "tag penutup tidak cocok dengan tag pembukanya",
    ),
    "file_detail.xml_junk": (
        "text after the end of the XML document",
        "ada teks setelah akhir dokumen XML",
    ),
    "file_detail.xml_syntax": (
        "XML syntax error",
        "kesalahan sintaksis XML",
    ),
    "file_detail.xml_bad_character": (
        "a reference to a character or entity XML does not know",
        "rujukan ke karakter atau entitas yang tidak dikenal XML",
    ),
    "file_detail.xml_encoding": (
        "an XML text encoding that cannot be read",
        "pengodean teks XML yang tidak dapat dibaca",
    ),
    "file_detail.os_missing": ("the file does not exist", "berkas tidak ada"),
    "file_detail.os_permission": (
        "permission denied (the file may be open in another program)",
        "akses ditolak (berkas mungkin sedang dibuka di program lain)",
    ),
    "file_detail.os_folder": ("a folder, not a file", "sebuah folder, bukan berkas"),
    "file_detail.not_a_file": ("not an ordinary file (a device, a pipe or a socket)",
                               "bukan berkas biasa (perangkat, pipa, atau soket)"),
    "file_detail.os_io": (
        "the disk could not read it (input/output error)",
        "disk tidak dapat membacanya (kesalahan masukan/keluaran)",
    ),
}
