"""Texts of the yearly programme: the register of units and innovations, links, compliance,
forwarding, monitoring, the catalogue."""

TEXTS = {
    # -- the register of units --------------------------------------------------------------
    "programme.unit_not_found": (
        "No unit with code {unit} in the register.",
        "Tidak ada perangkat daerah dengan kode {unit} dalam register.",
    ),
    "programme.unit_exists": (
        "The register already has a unit with code {unit}.",
        "Register sudah memuat perangkat daerah dengan kode {unit}.",
    ),
    "programme.unit_invalid": (
        "Unit {unit} is not valid:",
        "Perangkat daerah {unit} tidak valid:",
    ),
    "programme.unit_code_required": (
        "a code is required",
        "kode wajib diisi",
    ),
    "programme.unit_name_required": (
        "a name is required",
        "nama wajib diisi",
    ),
    "programme.too_long": (
        "the {field} is longer than {limit} characters",
        "{field} lebih dari {limit} karakter",
    ),
    "programme.field_code": ("code", "kode"),
    "programme.field_name": ("name", "nama"),
    "programme.field_kind": ("type", "jenis"),
    "programme.unit_ended": (
        "Unit {unit} ended on {on:date}; it can no longer be renamed, merged or ended.",
        "Perangkat daerah {unit} berakhir pada {on:date}; tidak dapat lagi diganti nama, "
        "digabung, atau diakhiri.",
    ),
    "programme.rename_before_last": (
        "Unit {unit} has a name valid from {on:date}; a new name must start on that day or "
        "later.",
        "Perangkat daerah {unit} memiliki nama yang berlaku sejak {on:date}; nama baru harus "
        "berlaku sejak tanggal itu atau sesudahnya.",
    ),
    "programme.merge_loop": (
        "Unit {unit} cannot be merged into {into}: {into} is {unit} itself or was merged into "
        "it.",
        "Perangkat daerah {unit} tidak dapat digabung ke {into}: {into} adalah {unit} sendiri "
        "atau telah digabung ke dalamnya.",
    ),
    "programme.end_before_start": (
        "Unit {unit} was established on {on:date}; it cannot end on or before that day.",
        "Perangkat daerah {unit} dibentuk pada {on:date}; tidak dapat berakhir pada tanggal "
        "itu atau sebelumnya.",
    ),
    "programme.year_out_of_range": (
        "The year {year} is outside 2000–2200.",
        "Tahun {year} di luar rentang 2000–2200.",
    ),
    # -- the city's list of units (a spreadsheet) ---------------------------------------------
    "programme.list_problem": ("{where}: {problem}", "{where}: {problem}"),
    "programme.list_cell": (
        "sheet {sheet}, cell {cell} ({header})",
        "lembar {sheet}, sel {cell} ({header})",
    ),
    "programme.list_column": (
        "sheet {sheet}, column {column} ({header})",
        "lembar {sheet}, kolom {column} ({header})",
    ),
    "programme.list_row": ("sheet {sheet}, row {row}", "lembar {sheet}, baris {row}"),
    "programme.list_sheet": ("sheet {sheet}", "lembar {sheet}"),
    "programme.list_merged": (
        "merged cells {cell}; unmerge them so that every row has its own values",
        "sel {cell} digabung; pisahkan agar setiap baris memiliki nilainya sendiri",
    ),
    "programme.list_no_header": (
        "no header row with the columns Kode (Code) and Nama perangkat daerah (Name) in the "
        "first {rows} rows",
        "tidak ada baris judul dengan kolom Kode dan Nama perangkat daerah pada {rows} baris "
        "pertama",
    ),
    "programme.list_empty": (
        "no units below the header row (row {row})",
        "tidak ada perangkat daerah di bawah baris judul (baris {row})",
    ),
    "programme.list_formulas": (
        "{count:count} {count:plural:cell holds:cells hold} formulas (first {first}); paste "
        "the column back as values only",
        "{count:count} sel berisi rumus (pertama {first}); tempel kembali kolom itu sebagai "
        "nilai saja",
    ),
    "programme.list_repeated": (
        "the same value as on row {first}; every unit is listed once",
        "nilai yang sama dengan baris {first}; setiap perangkat daerah dicantumkan sekali",
    ),
    "programme.list_required": ("a required value is missing", "nilai wajib belum diisi"),
    "programme.list_too_long": (
        "longer than {limit} characters",
        "lebih dari {limit} karakter",
    ),
    "programme.list_bad_date": (
        "{value} is not a date; write dd/mm/yyyy (e.g. 01/01/2024) or use a date cell",
        "{value} bukan tanggal; tulis hh/bb/tttt (mis. 01/01/2024) atau gunakan sel tanggal",
    ),
    "programme.list_name_taken": (
        "row {row}: the name {name} belongs to unit {unit} in the register; use its code",
        "baris {row}: nama {name} milik perangkat daerah {unit} dalam register; gunakan "
        "kodenya",
    ),
    "programme.list_unit_ended": (
        "row {row}: unit {unit} ended on {on:date}; it cannot be renamed",
        "baris {row}: perangkat daerah {unit} berakhir pada {on:date}; tidak dapat diganti "
        "nama",
    ),
    # -- links from competitions to the register ---------------------------------------------
    "programme.no_proposal": (
        "Unit {unit} has no proposed match to confirm or reject; choose a register unit.",
        "Perangkat daerah {unit} tidak memiliki usulan padanan untuk dikonfirmasi atau "
        "ditolak; pilih perangkat daerah dari register.",
    ),
    "programme.unit_already_linked": (
        "Unit {unit} is already linked to the register.",
        "Perangkat daerah {unit} sudah terhubung ke register.",
    ),
    "programme.no_entry_proposal": (
        "Entry {entry} has no proposed innovation to confirm; choose an innovation.",
        "Peserta {entry} tidak memiliki usulan inovasi untuk dikonfirmasi; pilih sebuah "
        "inovasi.",
    ),
    "programme.entry_already_linked": (
        "Entry {entry} is already linked to an innovation.",
        "Peserta {entry} sudah terhubung ke sebuah inovasi.",
    ),
    "programme.entry_unit_unlinked": (
        "The unit of entry {entry} is not linked to the register yet; link the unit first.",
        "Perangkat daerah peserta {entry} belum terhubung ke register; hubungkan perangkat "
        "daerahnya terlebih dahulu.",
    ),
    "programme.innovation_not_found": (
        "No innovation with code {innovation} in the register.",
        "Tidak ada inovasi dengan kode {innovation} dalam register.",
    ),
    "programme.innovation_later": (
        "Innovation {innovation} was first registered in {year}, after the competition of "
        "entry {entry}.",
        "Inovasi {innovation} pertama kali terdaftar pada {year}, sesudah kompetisi peserta "
        "{entry}.",
    ),
    "programme.innovation_title_invalid": (
        "An innovation needs a title of at most {limit} characters.",
        "Inovasi memerlukan judul paling panjang {limit} karakter.",
    ),
    # -- monitoring ---------------------------------------------------------------------------
    "programme.status_not_later": (
        "Innovation {innovation} was first registered in {year}; its status is recorded for "
        "later years.",
        "Inovasi {innovation} pertama kali terdaftar pada {year}; statusnya dicatat untuk "
        "tahun-tahun berikutnya.",
    ),
    "programme.replicated_by_owner": (
        "Unit {unit} owns innovation {innovation}; it cannot replicate it.",
        "Perangkat daerah {unit} adalah pemilik inovasi {innovation}; tidak dapat "
        "mereplikasinya.",
    ),
    "programme.no_status": (
        "Innovation {innovation} has no status recorded for {year}.",
        "Inovasi {innovation} tidak memiliki status yang tercatat untuk {year}.",
    ),
    # -- forwarding ----------------------------------------------------------------------------
    "programme.forward_target_exists": (
        "Competition {competition} exists already: forward into it without a template, or "
        "choose a new code.",
        "Kompetisi {competition} sudah ada: teruskan ke kompetisi itu tanpa templat, atau "
        "pilih kode baru.",
    ),
    "programme.forward_what": (
        "Say what to forward: the winners, or a list of entry codes.",
        "Sebutkan yang akan diteruskan: para pemenang, atau daftar kode peserta.",
    ),
    "programme.forward_same": (
        "Entries cannot be forwarded from {competition} into itself.",
        "Peserta tidak dapat diteruskan dari {competition} ke kompetisi itu sendiri.",
    ),
    "programme.forward_to_city": (
        "{competition} is a city competition; forwarded entries go to a regional or national "
        "one.",
        "{competition} adalah kompetisi tingkat kota; peserta diteruskan ke kompetisi tingkat "
        "provinsi atau nasional.",
    ),
    "programme.forward_not_finalized": (
        "The results of {competition} are not finalized: it has no winners yet. Finalize "
        "them, or name the entries to forward.",
        "Hasil {competition} belum difinalkan: belum ada pemenang. Finalkan hasilnya, atau "
        "sebutkan peserta yang akan diteruskan.",
    ),
    "programme.forward_no_winners": (
        "The finalized results of {competition} award no entry.",
        "Hasil final {competition} tidak memberikan penghargaan kepada peserta mana pun.",
    ),
    "programme.forward_excluded": (
        "Disqualified or withdrawn entries cannot be forwarded: {entries}.",
        "Peserta yang didiskualifikasi atau mengundurkan diri tidak dapat diteruskan: "
        "{entries}.",
    ),
    "programme.forward_refused": (
        "Nothing was forwarded from {source} to {target}:",
        "Tidak ada yang diteruskan dari {source} ke {target}:",
    ),
    "programme.forward_documents_refused": (
        "Nothing was forwarded to {target}: the documents the entries carry do not fit its "
        "document limits:",
        "Tidak ada yang diteruskan ke {target}: dokumen yang dibawa peserta tidak sesuai "
        "dengan batas dokumennya:",
    ),
    "programme.forward_document_too_big": (
        "{file} is {size:number} MB; the limit there is {limit:number} MB per file",
        "{file} berukuran {size:number} MB; batas di sana {limit:number} MB per berkas",
    ),
    "programme.forward_documents_full": (
        "the documents of {competition} would exceed its limit of {limit:number} MB in all "
        "({adding:number} MB more); raise the limit first",
        "dokumen {competition} akan melebihi batas totalnya {limit:number} MB (bertambah "
        "{adding:number} MB); naikkan batasnya terlebih dahulu",
    ),
    "programme.forward_again": (
        "{entry} was already forwarded to {competition}",
        "{entry} sudah diteruskan ke {competition}",
    ),
    "programme.forward_innovation_there": (
        "the innovation of {entry} is already entered in {competition}",
        "inovasi {entry} sudah menjadi peserta {competition}",
    ),
    "programme.forward_code_taken": (
        "{competition} already has an entry with code {entry}",
        "{competition} sudah memiliki peserta dengan kode {entry}",
    ),
    "programme.forward_category_unknown": (
        "{competition} has no category {category}; its categories: {choices}.",
        "{competition} tidak memiliki kategori {category}; kategorinya: {choices}.",
    ),
    "programme.forward_category_needed": (
        "{competition} has no category {category}; choose one of its categories: {choices}.",
        "{competition} tidak memiliki kategori {category}; pilih salah satu kategorinya: "
        "{choices}.",
    ),
    # -- documents ------------------------------------------------------------------------------
    "programme.export_format": (
        "{file}: write compliance as one of {formats}.",
        "{file}: tulis kepatuhan sebagai salah satu dari {formats}.",
    ),
    "programme.catalogue_folder_taken": (
        "{folder} holds other files; choose an empty folder (or an earlier catalogue's) for "
        "the catalogue.",
        "{folder} berisi berkas lain; pilih folder kosong (atau folder katalog sebelumnya) "
        "untuk katalog.",
    ),
    # -- the command line ----------------------------------------------------------------------
    "programme.cli_template_options": (
        "--name and --year name a competition made by --template; give --template too",
        "--name dan --year untuk kompetisi yang dibuat dengan --template; sertakan juga "
        "--template",
    ),
    "programme.cli_bad_date": (
        "{option}: {value} is not a date; write YYYY-MM-DD",
        "{option}: {value} bukan tanggal; tulis TTTT-BB-HH",
    ),
    "programme.cli_unit_options": (
        "--new and --develops are for entries, not units",
        "--new dan --develops untuk peserta, bukan perangkat daerah",
    ),
    "programme.cli_entry_options": (
        "--reject and --register are for units, not entries",
        "--reject dan --register untuk perangkat daerah, bukan peserta",
    ),
    "programme.cli_no_units": (
        "The register has no units yet. Import the city's list: judging-app programme "
        "import-units FILE",
        "Register belum memuat perangkat daerah. Impor daftar kota: judging-app programme "
        "import-units BERKAS",
    ),
    "programme.cli_units_head": ("code\tname\ttype\tend", "kode\tnama\tjenis\takhir"),
    "programme.cli_merged_into": (
        "merged into {into} on {on:date}",
        "digabung ke {into} pada {on:date}",
    ),
    "programme.cli_ended_on": ("ended on {on:date}", "berakhir pada {on:date}"),
    "programme.cli_import_plan": (
        "{source}: {added:count} to add, {renamed:count} to rename, {unchanged:count} "
        "unchanged (nothing written)",
        "{source}: {added:count} akan ditambahkan, {renamed:count} akan diganti nama, "
        "{unchanged:count} tetap (belum ada yang ditulis)",
    ),
    "programme.cli_imported": (
        "{source}: {added:count} added, {renamed:count} renamed, {unchanged:count} unchanged",
        "{source}: {added:count} ditambahkan, {renamed:count} diganti nama, "
        "{unchanged:count} tetap",
    ),
    "programme.cli_link": (
        "Units linked: {units:count}, proposed for confirmation: {proposed:count}, not in the "
        "register: {unmatched:count}. Entries linked: {entries:count} ({created:count} new "
        "innovations), proposed: {entries_proposed:count}.",
        "Perangkat daerah terhubung: {units:count}, diusulkan untuk dikonfirmasi: "
        "{proposed:count}, tidak ada dalam register: {unmatched:count}. Peserta terhubung: "
        "{entries:count} ({created:count} inovasi baru), diusulkan: {entries_proposed:count}.",
    ),
    "programme.cli_units_added": (
        "{count:count} register {count:plural:unit:units} added to {competition}.",
        "{count:count} perangkat daerah register ditambahkan ke {competition}.",
    ),
    "programme.cli_no_matches": (
        "Nothing waits for confirmation.",
        "Tidak ada yang menunggu konfirmasi.",
    ),
    "programme.cli_unit_match": (
        "{competition}: unit {unit} ({name}) may be {register} ({register_name}): confirm "
        "or reject it",
        "{competition}: perangkat daerah {unit} ({name}) mungkin {register} ({register_name}): "
        "konfirmasi atau tolak",
    ),
    "programme.cli_unit_outside": (
        "{competition}: unit {unit} ({name}) is not in the register: link it to a register "
        "unit or add it to the register (programme confirm)",
        "{competition}: perangkat daerah {unit} ({name}) tidak ada dalam register: hubungkan "
        "ke perangkat daerah register atau tambahkan ke register (programme confirm)",
    ),
    "programme.cli_entry_match": (
        "{competition}: entry {entry} ({title}) may continue {innovation} ({innovation_title}, "
        "{year}): confirm it or make it new (--new)",
        "{competition}: peserta {entry} ({title}) mungkin melanjutkan {innovation} "
        "({innovation_title}, {year}): konfirmasi atau jadikan baru (--new)",
    ),
    "programme.cli_unit_added": ("Unit {unit} added to the register.",
                                 "Perangkat daerah {unit} ditambahkan ke register."),
    "programme.cli_unit_renamed": ("Unit {unit} renamed.", "Perangkat daerah {unit} diganti nama."),
    "programme.cli_nothing_changed": ("Nothing changed.", "Tidak ada yang berubah."),
    "programme.cli_unit_merged": ("Unit {unit} merged into {into}.",
                                  "Perangkat daerah {unit} digabung ke {into}."),
    "programme.cli_unit_ended": ("Unit {unit} ended.", "Perangkat daerah {unit} diakhiri."),
    "programme.cli_unit_rejected": (
        "The proposed match of unit {unit} was dropped.",
        "Usulan padanan perangkat daerah {unit} dibatalkan.",
    ),
    "programme.cli_unit_linked": (
        "Unit {unit} is linked; {entries:count} of its entries linked, {proposed:count} "
        "proposed.",
        "Perangkat daerah {unit} terhubung; {entries:count} pesertanya terhubung, "
        "{proposed:count} diusulkan.",
    ),
    "programme.cli_entry_linked": (
        "Entry {entry} is linked ({innovation}).",
        "Peserta {entry} terhubung ({innovation}).",
    ),
    "programme.cli_no_innovations": ("No innovations.", "Tidak ada inovasi."),
    "programme.cli_innovations_head": (
        "code\tfirst year\tunit\tyears\tstatus\ttitle",
        "kode\ttahun pertama\tperangkat daerah\ttahun\tstatus\tjudul",
    ),
    "programme.cli_innovation_added": ("Innovation {innovation} registered.",
                                       "Inovasi {innovation} didaftarkan."),
    "programme.cli_status_recorded": (
        "The status of {innovation} in {year} is recorded.",
        "Status {innovation} pada {year} dicatat.",
    ),
    "programme.cli_level": ("{competition}: {level} level.", "{competition}: tingkat {level}."),
    "programme.cli_compliance": (
        "Compliance {year}: {units:count} units, {compliant:count} with an innovation, "
        "{missing:count} without.",
        "Kepatuhan {year}: {units:count} perangkat daerah, {compliant:count} memiliki inovasi, "
        "{missing:count} belum.",
    ),
    "programme.cli_counted": ("Competitions counted: {competitions}",
                              "Kompetisi yang diperhitungkan: {competitions}"),
    "programme.cli_not_final": (
        "* results not finalized: awards not counted yet",
        "* hasil belum difinalkan: penghargaan belum dihitung",
    ),
    "programme.cli_outside": (
        "{count:count} {count:plural:entry comes:entries come} from units not linked to the "
        "register (programme matches).",
        "{count:count} peserta berasal dari perangkat daerah yang belum terhubung ke register "
        "(programme matches).",
    ),
    "programme.cli_compliance_head": (
        "code\tregistered\tentered\teligible\tawarded\t\tunit",
        "kode\tterdaftar\tpeserta\tmemenuhi syarat\tpenghargaan\t\tperangkat daerah",
    ),
    "programme.cli_none_mark": ("NONE", "BELUM ADA"),
    "programme.cli_wrote": ("Wrote {file}.", "Ditulis: {file}."),
    "programme.cli_named": ("named {name} from {since:date}", "bernama {name} sejak {since:date}"),
    "programme.cli_merged_in": ("merged into it: {units}", "digabung ke dalamnya: {units}"),
    "programme.cli_year": (
        "== {year}: {registered} registered, {entered} entered, {awarded} awarded",
        "== {year}: {registered} terdaftar, {entered} peserta, {awarded} meraih penghargaan",
    ),
    "programme.cli_year_unlisted": (
        "== {year}: not listed on its own (merged, or not yet established)",
        "== {year}: tidak tercantum sendiri (digabung, atau belum dibentuk)",
    ),
    "programme.cli_catalogue": (
        "Catalogue of {count:count} innovations: {index} (Excel: {workbook})",
        "Katalog {count:count} inovasi: {index} (Excel: {workbook})",
    ),
    "programme.cli_forwarded": (
        "{count:count} {count:plural:entry:entries} forwarded from {source} to {target} "
        "({level} level).",
        "{count:count} peserta diteruskan dari {source} ke {target} (tingkat {level}).",
    ),
    "programme.cli_forwarded_entry": (
        "  {entry}\t{category}\t{award}\t{title}",
        "  {entry}\t{category}\t{award}\t{title}",
    ),
    "programme.cli_target_created": (
        "  {competition} created from template {template}",
        "  {competition} dibuat dari templat {template}",
    ),
    "programme.cli_units_created": ("  units created: {units}", "  perangkat daerah dibuat: {units}"),
    "programme.cli_demo": (
        "Programme demo: {units} units over {years}; competitions {competitions}; "
        "{innovations} innovations; {forwarded} winners forwarded to {national}.",
        "Demo program: {units} perangkat daerah selama {years}; kompetisi {competitions}; "
        "{innovations} inovasi; {forwarded} pemenang diteruskan ke {national}.",
    ),
    "enum.competitionlevel.city": ("city", "kota"),
    "enum.competitionlevel.regional": ("provincial", "provinsi"),
    "enum.competitionlevel.national": ("national", "nasional"),
    "programme.demo_units": (
        "The programme demo takes 12 to 150 units, not {count}.",
        "Demo program memerlukan 12 sampai 150 perangkat daerah, bukan {count}.",
    ),
}
