"""Reading judge packages and returns (exchange/judge_package*.py): why a file cannot be
used, naming the field (its path in the file, e.g. payload.sheets[0].scores.A)."""

TEXTS = {
    "package_file.what_package": (
        "a judge package (what the secretariat sends to a judge)",
        "paket juri (yang dikirim sekretariat kepada juri)",
    ),
    "package_file.what_return": (
        "a judge's return file (the scores a judge sends back)",
        "berkas kembalian juri (nilai yang dikirim kembali oleh juri)",
    ),
    "package_file.not_canonical": (
        "The content cannot be written as canonical JSON: {detail}",
        "Isinya tidak dapat ditulis sebagai JSON baku: {detail}",
    ),
    "package_file.key_not_hex": (
        "The judge's signing key is not hexadecimal text.",
        "Kunci tanda tangan juri bukan teks heksadesimal.",
    ),
    "package_file.key_too_short": (
        "The judge's signing key is too short (fewer than 16 bytes).",
        "Kunci tanda tangan juri terlalu pendek (kurang dari 16 bita).",
    ),
    "package_file.blind_identity": (
        "Round '{round}' is blind: its entries must not carry the unit, the innovators or "
        "the contact.",
        "Tahap '{round}' dinilai tanpa identitas: inovasinya tidak boleh memuat perangkat "
        "daerah, inovator, atau kontak.",
    ),
    "package_file.field_twice": (
        "The file names the field '{field}' twice: it was altered.",
        "Berkas menyebut kolom data '{field}' dua kali: berkas telah diubah.",
    ),
    "package_file.constant": (
        "The file contains {name}, which is not a number judging-app writes: it was altered "
        "or damaged.",
        "Berkas memuat {name}, yang bukan angka yang ditulis judging-app: berkas telah diubah "
        "atau rusak.",
    ),
    "package_file.huge_integer": (
        "The file contains a whole number of {digits:count} digits, which judging-app never "
        "writes: it was altered or damaged.",
        "Berkas memuat bilangan bulat sepanjang {digits:count} angka, yang tidak pernah ditulis "
        "judging-app: berkas telah diubah atau rusak.",
    ),
    "package_file.float": (
        "The file contains the number {value}, which judging-app never writes (scores are "
        "written as text, e.g. \"3.5\"): it was altered or damaged.",
        "Berkas memuat angka {value}, yang tidak pernah ditulis judging-app (nilai ditulis "
        "sebagai teks, mis. \"3.5\"): berkas telah diubah atau rusak.",
    ),
    "package_file.too_large": (
        "The file is larger than {mb} MB: not {want}.",
        "Berkas lebih besar dari {mb} MB: bukan {want}.",
    ),
    "package_file.too_large_any": (
        "The file is larger than {mb} MB: not a judge package or return.",
        "Berkas lebih besar dari {mb} MB: bukan paket juri atau berkas kembalian.",
    ),
    "package_file.zip": (
        "This is a zip file, not {want}.",
        "Berkas ini arsip zip, bukan {want}.",
    ),
    "package_file.not_utf8": (
        "Not {want}: the file is not UTF-8 text (byte {offset}). If it was one, it was "
        "damaged or altered.",
        "Bukan {want}: berkas bukan teks UTF-8 (bita ke-{offset}). Jika memang berkas "
        "tersebut, berkas telah rusak atau diubah.",
    ),
    "package_file.bad_json": (
        "Not {want}: the file is not valid JSON (line {line}, column {column}: {detail}). If "
        "it was one, it was damaged or altered.",
        "Bukan {want}: berkas bukan JSON yang sah (baris {line}, kolom {column}: {detail}). "
        "Jika memang berkas tersebut, berkas telah rusak atau diubah.",
    ),
    "package_file.too_deep": (
        "Not {want}: its JSON is nested far deeper than any file judging-app writes; it was "
        "altered or damaged.",
        "Bukan {want}: JSON-nya bersarang jauh lebih dalam daripada berkas mana pun yang "
        "ditulis judging-app; berkas telah diubah atau rusak.",
    ),
    "package_file.unreadable_value": (
        "Not {want}: the file holds a value that cannot be read ({problem}); it was altered "
        "or damaged.",
        "Bukan {want}: berkas memuat nilai yang tidak dapat dibaca ({problem}); berkas telah "
        "diubah atau rusak.",
    ),
    "package_file.not_ours": (
        "Not {want}: this JSON file is not a judging-app package or return.",
        "Bukan {want}: berkas JSON ini bukan paket juri atau berkas kembalian judging-app.",
    ),
    "package_file.not_ours_label": (
        "Not {want}: this JSON file is not a judging-app package or return (its format label "
        "is {label}).",
        "Bukan {want}: berkas JSON ini bukan paket juri atau berkas kembalian judging-app "
        "(label formatnya {label}).",
    ),
    "package_file.other_kind": (
        "This is {found}, not {want}.",
        "Berkas ini {found}, bukan {want}.",
    ),
    "package_file.bad_version": (
        "The file's format version {version} is not valid: it was altered.",
        "Versi format berkas {version} tidak sah: berkas telah diubah.",
    ),
    "package_file.newer": (
        "The file was made by a newer version of judging-app (format version {version}; this "
        "version reads up to {supported}). Install the newer version to open it.",
        "Berkas dibuat oleh versi judging-app yang lebih baru (versi format {version}; versi "
        "ini membaca sampai {supported}). Pasang versi yang lebih baru untuk membukanya.",
    ),
    "package_file.no_payload": (
        "The file has no payload: it is incomplete or damaged.",
        "Berkas tidak memiliki isi: berkas tidak lengkap atau rusak.",
    ),
    "package_file.bad_signature": (
        "The file's signature is missing or malformed (it must be 64 lower-case hex digits): "
        "the file was altered or damaged.",
        "Tanda tangan berkas tidak ada atau cacat (harus 64 digit heksadesimal huruf kecil): "
        "berkas telah diubah atau rusak.",
    ),
    "package_file.label_mismatch": (
        "The file's format label does not match its signed content: it was altered.",
        "Label format berkas tidak sesuai dengan isinya yang ditandatangani: berkas telah "
        "diubah.",
    ),
    "package_file.altered_package": (
        "The package was altered or damaged after the secretariat exported it (its signature "
        "does not match its content). Ask the secretariat for a new copy.",
        "Paket juri telah diubah atau rusak setelah diekspor sekretariat (tanda tangannya "
        "tidak sesuai dengan isinya). Mintalah salinan baru kepada sekretariat.",
    ),
    "package_file.missing": ("The file does not exist.", "Berkas tidak ada."),
    "package_file.seen": (
        "return {sequence} (made {made}), imported {at} by {actor}",
        "berkas kembalian nomor {sequence} (dibuat {made}), diimpor {at} oleh {actor}",
    ),
    "package_file.same_number": (
        "a different return with the same number {sequence} was already imported: {seen}; "
        "export the return again and import the new file",
        "berkas kembalian lain dengan nomor yang sama ({sequence}) sudah diimpor: {seen}; "
        "ekspor ulang berkas kembalian dan impor berkas yang baru",
    ),
    "package_file.older_return": (
        "this is an older return (number {sequence}, made {made}) than the one already "
        "imported: {seen}; it would overwrite newer scores, so it was refused",
        "berkas kembalian ini lebih lama (nomor {sequence}, dibuat {made}) daripada yang sudah "
        "diimpor: {seen}; berkas ini akan menimpa nilai yang lebih baru, jadi ditolak",
    ),
    "package_file.not_object": (
        "{field} should be a JSON object, not {found}.",
        "{field} seharusnya objek JSON, bukan {found}.",
    ),
    "package_file.lacks_field": (
        "The file lacks the field {field}: it is incomplete or was not written by judging-app.",
        "Berkas tidak memuat kolom data {field}: berkas tidak lengkap atau tidak ditulis oleh "
        "judging-app.",
    ),
    "package_file.wrong_type": (
        "{field} should be {want}, not {found}.",
        "{field} seharusnya {want}, bukan {found}.",
    ),
    "package_file.empty_field": ("{field} is empty.", "{field} kosong."),
    "package_file.type.text": ("text", "teks"),
    "package_file.type.integer": ("a whole number", "bilangan bulat"),
    "package_file.type.flag": ("true or false", "true atau false"),
    "package_file.type.decimal": (
        "a decimal written as text (e.g. \"3.5\")",
        "angka desimal yang ditulis sebagai teks (mis. \"3.5\")",
    ),
    "package_file.type.list": ("a list", "daftar"),
    "package_file.type.texts": ("a list of texts", "daftar teks"),
    "package_file.kind.object": ("an object ({value})", "objek ({value})"),
    "package_file.kind.list": ("a list ({value})", "daftar ({value})"),
    "package_file.kind.text": ("text ({value})", "teks ({value})"),
    "package_file.kind.flag": ("true/false ({value})", "nilai true/false ({value})"),
    "package_file.kind.number": ("a number ({value})", "angka ({value})"),
    "package_file.kind.null": ("null ({value})", "nilai null ({value})"),
    "package_file.bad_character": (
        "{field} holds a character that cannot be stored ({character}): the file was altered "
        "or damaged.",
        "{field} memuat karakter yang tidak dapat disimpan ({character}): berkas telah diubah "
        "atau rusak.",
    ),
    "package_file.bad_state": (
        "{field} should be one of {allowed}, not {found}.",
        "{field} seharusnya salah satu dari {allowed}, bukan {found}.",
    ),
    "package_file.bad_sha256": (
        "{field} should be 64 lower-case hex digits.",
        "{field} seharusnya 64 digit heksadesimal huruf kecil.",
    ),
    "package_file.bad_size": (
        "{field} should be a positive number of bytes, not {size}.",
        "{field} seharusnya jumlah bita yang positif, bukan {size}.",
    ),
    "package_file.bad_document_kind": (
        "{field} should be one of {allowed}, not {found}.",
        "{field} seharusnya salah satu dari {allowed}, bukan {found}.",
    ),
    "package_file.bad_sequence": (
        "{field} should be 1 or more, not {found}.",
        "{field} seharusnya 1 atau lebih, bukan {found}.",
    ),
    "package_file.not_from_package": (
        "This return was not made from this package, or it was altered.",
        "Berkas kembalian ini tidak dibuat dari paket juri ini, atau telah diubah.",
    ),
    "package_file.other_package": (
        "This return belongs to another package ({package}).",
        "Berkas kembalian ini milik paket juri lain ({package}).",
    ),
    "package_file.stored_document_damaged": (
        "The stored document {file} does not match its fingerprint: it was damaged in the "
        "database.",
        "Dokumen tersimpan {file} tidak sesuai dengan sidik jarinya: dokumen rusak di dalam "
        "basis data.",
    ),
    "package_file.member_too_large": (
        "The package's {member} is larger than {mb} MB: not a judge package.",
        "{member} di dalam paket lebih besar dari {mb} MB: bukan paket juri.",
    ),
    "package_file.too_many_members": (
        "The package holds too many files: it was not written by judging-app.",
        "Paket memuat terlalu banyak berkas: paket tidak ditulis oleh judging-app.",
    ),
    "package_file.member_twice": (
        "The package holds two files under one name: it was altered.",
        "Paket memuat dua berkas dengan satu nama: paket telah diubah.",
    ),
    "package_file.no_package_member": (
        "This zip file holds no judge package ({member}).",
        "Arsip zip ini tidak memuat paket juri ({member}).",
    ),
    "package_file.bad_zip": (
        "The package is damaged: its zip structure cannot be read. Ask the secretariat for a "
        "new copy.",
        "Paket rusak: struktur zip-nya tidak dapat dibaca. Mintalah salinan baru kepada "
        "sekretariat.",
    ),
    "package_file.unlisted_member": (
        "The package holds files its signed list does not name ({member}): it was altered.",
        "Paket memuat berkas yang tidak disebut dalam daftarnya yang ditandatangani "
        "({member}): paket telah diubah.",
    ),
    "package_file.document_changed": (
        "The document {file} in the package was changed or damaged after the secretariat "
        "exported it.",
        "Dokumen {file} di dalam paket telah diubah atau rusak setelah diekspor sekretariat.",
    ),
}
