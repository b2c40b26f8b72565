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
}
