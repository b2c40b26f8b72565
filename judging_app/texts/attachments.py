"""Entries' documents: attaching, removing, limits, the folder command, the missing report,
showing them (services/attachments.py, attach_folder.py, exchange/document_files.py)."""

TEXTS = {
    "attachments.refused": (
        "Nothing was attached; {count:count} {count:plural:problem:problems}:",
        "Tidak ada yang dilampirkan; {count:count} masalah:",
    ),
    "attachments.file_missing": (
        "{file}: the file does not exist.",
        "{file}: berkas tidak ada.",
    ),
    "attachments.not_a_file": (
        "{file}: this is a folder or a device, not a file.",
        "{file}: ini folder atau perangkat, bukan berkas.",
    ),
    "attachments.empty_file": (
        "{file}: the file is empty (0 bytes); ask the unit for the document again.",
        "{file}: berkas kosong (0 bita); mintalah dokumennya lagi kepada perangkat daerah.",
    ),
    "attachments.file_too_large": (
        "{file}: {size:number} MB is more than the {limit:number} MB allowed for one file "
        "(the limit is set under the competition's document limits).",
        "{file}: {size:number} MB melebihi batas {limit:number} MB untuk satu berkas (batas "
        "diatur pada batas dokumen kompetisi).",
    ),
    "attachments.file_changed": (
        "{file}: the file changed while it was being read; attach it again.",
        "{file}: berkas berubah ketika sedang dibaca; lampirkan lagi.",
    ),
    "attachments.wrong_type": (
        "{file}: the name says {expected} but the content is {found}; the file is damaged or "
        "misnamed.",
        "{file}: namanya menyatakan {expected} tetapi isinya {found}; berkas rusak atau salah "
        "nama.",
    ),
    "attachments.type_pdf": ("a PDF document", "dokumen PDF"),
    "attachments.type_png": ("a PNG image", "gambar PNG"),
    "attachments.type_jpeg": ("a JPEG image", "gambar JPEG"),
    "attachments.type_other": ("something else", "jenis lain"),
    "attachments.content_damaged": (
        "{file}: the stored content does not match its fingerprint (SHA-256): it was damaged.",
        "{file}: isi yang tersimpan tidak cocok dengan sidik jarinya (SHA-256): isinya rusak.",
    ),
    "attachments.name_too_long": (
        "{file}…: the file name is longer than {limit} characters; shorten it.",
        "{file}…: nama berkas lebih dari {limit} karakter; perpendek namanya.",
    ),
    "attachments.pdf_encrypted": (
        "{file}: the PDF is protected with a password; ask the unit for a copy without one.",
        "{file}: PDF dilindungi kata sandi; mintalah salinan tanpa kata sandi kepada perangkat "
        "daerah.",
    ),
    "attachments.pdf_damaged": (
        "{file}: this is not a readable PDF (damaged or not a PDF at all).",
        "{file}: ini bukan PDF yang dapat dibaca (rusak atau bukan PDF).",
    ),
    "attachments.pdf_unreadable": (
        "{file}: the PDF cannot be opened.",
        "{file}: PDF tidak dapat dibuka.",
    ),
    "attachments.pdf_empty": (
        "{file}: the PDF has no pages.",
        "{file}: PDF tidak memiliki halaman.",
    ),
    "attachments.pdf_too_complex": (
        "{file}: the PDF could not be opened in reasonable time and memory; it may be built to "
        "exhaust the viewer. Ask the unit for a normal copy.",
        "{file}: PDF tidak dapat dibuka dalam waktu dan memori yang wajar; mungkin dibuat untuk "
        "melumpuhkan penampil. Mintalah salinan biasa kepada perangkat daerah.",
    ),
    "attachments.no_entry": (
        "{file}: there is no entry {entry} in this competition.",
        "{file}: tidak ada inovasi {entry} dalam kompetisi ini.",
    ),
    "attachments.no_round": (
        "{file}: there is no round {round} in this competition.",
        "{file}: tidak ada tahap {round} dalam kompetisi ini.",
    ),
    "attachments.duplicate_name": (
        "{entry}: two files are named {file} ({other} too); rename one.",
        "{entry}: dua berkas bernama {file} ({other} juga); ganti nama salah satunya.",
    ),
    "attachments.same_content": (
        "{entry}: {file} skipped: the same content is already attached as {other}.",
        "{entry}: {file} dilewati: isi yang sama sudah dilampirkan sebagai {other}.",
    ),
    "attachments.name_taken": (
        "{entry}: a different {file} is already attached; remove it first or replace it.",
        "{entry}: {file} yang berbeda sudah dilampirkan; hapus dulu atau ganti.",
    ),
    "attachments.competition_full": (
        "The competition's documents would take {used:number} + {adding:number} MB, more "
        "than its limit of {limit:number} MB; raise the limit or attach fewer files.",
        "Dokumen kompetisi akan memakai {used:number} + {adding:number} MB, melebihi batasnya "
        "{limit:number} MB; naikkan batasnya atau lampirkan lebih sedikit berkas.",
    ),
    "attachments.no_document": (
        "Entry {entry} has no document {file}.",
        "Inovasi {entry} tidak memiliki dokumen {file}.",
    ),
    "attachments.label_required": (
        "{file}: a document needs a label.",
        "{file}: dokumen memerlukan label.",
    ),
    "attachments.content_missing": (
        "The content of document {sha256}… is missing from the database; attach it again.",
        "Isi dokumen {sha256}… tidak ada di basis data; lampirkan lagi.",
    ),
    "attachments.bad_limits": (
        "Limits of {file:number} MB per file and {total:number} MB in all are not possible: "
        "a file's limit must be above 0 and at most the total.",
        "Batas {file:number} MB per berkas dan {total:number} MB seluruhnya tidak mungkin: "
        "batas berkas harus di atas 0 dan paling banyak sama dengan batas seluruhnya.",
    ),
    "attach_folder.ambiguous": (
        "{file}: the name fits more than one entry ({codes}); rename the file or put it in "
        "a folder named after its entry.",
        "{file}: namanya cocok dengan lebih dari satu inovasi ({codes}); ganti nama berkas "
        "atau taruh di folder yang bernama kode inovasinya.",
    ),
    "attach_folder.not_a_folder": (
        "{folder} is not a folder.",
        "{folder} bukan folder.",
    ),
    "attach_folder.too_many": (
        "{folder} holds more than {limit:count} files; attach a smaller folder.",
        "{folder} berisi lebih dari {limit:count} berkas; lampirkan folder yang lebih kecil.",
    ),
    "attach_folder.nothing_matched": (
        "None of the {count:count} files in {folder} is named after an entry (e.g. "
        "'INV-001 proposal.pdf' or 'INV-001/proposal.pdf').",
        "Tidak satu pun dari {count:count} berkas di {folder} dinamai dengan kode inovasi "
        "(misalnya 'INV-001 proposal.pdf' atau 'INV-001/proposal.pdf').",
    ),
    "attach_folder.preview": (
        "{folder}: {placed:count} {placed:plural:file:files} for {entries:count} "
        "{entries:plural:entry:entries}; {unmatched:count} {unmatched:plural:file matches:files "
        "match} no entry.",
        "{folder}: {placed:count} berkas untuk {entries:count} inovasi; {unmatched:count} "
        "berkas tidak cocok dengan inovasi mana pun.",
    ),
    "attach_folder.goes_to": (
        "  {file} → {entry} ({kind}, {size:number} MB)",
        "  {file} → {entry} ({kind}, ukuran {size:number} MB)",
    ),
    "attach_folder.unmatched": (
        "  matches no entry: {file}",
        "  tidak cocok dengan inovasi mana pun: {file}",
    ),
    "attach_folder.done": (
        "Attached {count:count} {count:plural:file:files} ({size:number} MB stored); "
        "{unchanged:count} already attached.",
        "{count:count} berkas dilampirkan ({size:number} MB disimpan); {unchanged:count} "
        "sudah terlampir sebelumnya.",
    ),
    "attach_folder.dry_run": (
        "Nothing written (--dry-run): {count:count} {count:plural:file:files} would be "
        "attached ({size:number} MB to store); {unchanged:count} already attached.",
        "Tidak ada yang ditulis (--dry-run): {count:count} berkas akan dilampirkan "
        "({size:number} MB disimpan); {unchanged:count} sudah terlampir sebelumnya.",
    ),
    "attach_folder.replaced": (
        "  replaced: {name}",
        "  diganti: {name}",
    ),
    "attach_folder.note": (
        "  note: {note}",
        "  catatan: {note}",
    ),
    "document_report.all": (
        "{competition}: {missing:count} of {checked:count} entries have no proposal.",
        "{competition}: {missing:count} dari {checked:count} inovasi belum memiliki proposal.",
    ),
    "document_report.round": (
        "{competition}, round {round}: {missing:count} of {checked:count} entries have no "
        "proposal for this round.",
        "{competition}, tahap {round}: {missing:count} dari {checked:count} inovasi belum "
        "memiliki proposal untuk tahap ini.",
    ),
    "document_report.line": (
        "  {entry}  {unit}: {title} ({documents:count} other "
        "{documents:plural:document:documents})",
        "  {entry}  {unit}: {title} ({documents:count} dokumen lain)",
    ),
    "enum.documentkind.proposal": ("proposal", "dokumen proposal"),
    "enum.documentkind.evidence": ("evidence", "bukti dukung"),
    "enum.documentkind.other": ("other", "lainnya"),
    "entry_documents.outside": (
        "{file}: a document must be named relative to the workbook's folder and stay inside "
        "it (no drive, no leading /, no ..).",
        "{file}: dokumen harus dinamai relatif terhadap folder berkas ini dan tetap di "
        "dalamnya (tanpa drive, tanpa / di depan, tanpa ..).",
    ),
    "entry_documents.twice": (
        "{file} is named twice for this entry.",
        "{file} disebut dua kali untuk inovasi ini.",
    ),
    "entry_documents.to_attach": (
        "{count:count} {count:plural:document:documents} named in the file will be attached "
        "({size:number} MB).",
        "{count:count} dokumen yang disebut dalam berkas akan dilampirkan ({size:number} MB).",
    ),
    "judge_documents.not_assigned": (
        "{judge} / {entry}: the judge is not assigned to this entry in round {round}.",
        "{judge} / {entry}: juri tidak ditugaskan untuk inovasi ini pada tahap {round}.",
    ),
    "judge_documents.not_found": (
        "Entry {entry} has no such document for this round.",
        "Inovasi {entry} tidak memiliki dokumen tersebut untuk tahap ini.",
    ),
    "attachments.bad_link": (
        "{entry}: a link is one line of at most 2,000 characters (a web address, a shared "
        "folder).",
        "{entry}: tautan adalah satu baris berisi paling banyak 2.000 karakter (alamat web, "
        "folder bersama).",
    ),
    "attachments.no_link": (
        "Entry {entry} has no such link.",
        "Inovasi {entry} tidak memiliki tautan tersebut.",
    ),
    "package_size.line": (
        "  {judge}: {entries:count} {entries:plural:entry:entries}, {documents:count} "
        "{documents:plural:document:documents}, {size:number} MB",
        "  {judge}: {entries:count} inovasi, {documents:count} dokumen, {size:number} MB",
    ),
    "package_size.total": (
        "{count:count} {count:plural:package:packages}, {size:number} MB in all.",
        "{count:count} paket, seluruhnya {size:number} MB.",
    ),
    "package_size.dry_run": (
        "Nothing written (--dry-run).",
        "Tidak ada yang ditulis (--dry-run).",
    ),
}
