"""Texts of trust: signing in and roles, people, the key store, the audit trail, finalized
results and their verification, the server's setup."""

TEXTS = {
    # -- signing in and roles --
    "auth.sign_in_needed": (
        "This database is protected: sign in (your login and password) before changing anything.",
        "Basis data ini dilindungi: masuk (login dan kata sandi Anda) sebelum mengubah apa pun.",
    ),
    "auth.person_disabled": (
        "{who} can no longer sign in (disabled, or no longer registered); nothing was changed.",
        "{who} tidak dapat masuk lagi (dinonaktifkan, atau tidak terdaftar lagi); tidak ada yang diubah.",
    ),
    "auth.role_needed": (
        "{who} may not do this: it needs the role {roles}. Nothing was changed.",
        "{who} tidak berwenang melakukan ini: diperlukan peran {roles}. Tidak ada yang diubah.",
    ),
    "auth.role.secretariat": ("secretariat", "sekretariat"),
    "auth.role.chair": ("chair of the panel", "ketua dewan juri"),
    "auth.role.judge": ("judge", "juri"),
    "auth.role.observer": ("observer", "pengamat"),
    "auth.not_your_sheet": (
        "{who} may not write the sheets of judge {judge}: only that judge does (the "
        "secretariat enters paper sheets with double entry). Nothing was changed.",
        "{who} tidak berwenang mengisi lembar nilai juri {judge}: hanya juri itu sendiri "
        "(sekretariat memasukkan lembar kertas dengan entri ganda). Tidak ada yang diubah.",
    ),
    "auth.bad_credentials": (
        "The login or the password is not right (or the person is disabled).",
        "Login atau kata sandi tidak benar (atau orang tersebut dinonaktifkan).",
    ),
    "auth.password_needed": (
        "This database is protected: give your login with --user and your password "
        "(asked, or JUDGING_APP_PASSWORD).",
        "Basis data ini dilindungi: berikan login Anda dengan --user dan kata sandi Anda "
        "(ditanyakan, atau JUDGING_APP_PASSWORD).",
    ),
    "auth.name_needed": (
        "Say who is working with --user NAME (it is recorded in the audit trail).",
        "Sebutkan siapa yang bekerja dengan --user NAMA (dicatat dalam jejak audit).",
    ),
    # -- people --
    "people.password_short": (
        "A password needs at least {length} characters.",
        "Kata sandi minimal {length} karakter.",
    ),
    "people.not_found": ("Nobody with the login {login} is registered.",
                         "Tidak ada orang terdaftar dengan login {login}."),
    "people.judge_taken": (
        "Judge {judge} of {competition} is already linked to {login}.",
        "Juri {judge} pada {competition} sudah ditautkan ke {login}.",
    ),
    "people.login_invalid": (
        "login {login}: 2 to 31 lower-case letters, digits or _, starting with a letter.",
        "login {login}: 2 sampai 31 huruf kecil, angka atau _, diawali huruf.",
    ),
    "people.name_required": ("name: required", "nama: wajib diisi"),
    "people.role_required": ("roles: give at least one role",
                             "peran: berikan sedikitnya satu peran"),
    "people.not_valid": ("Person {login} is not valid:", "Orang {login} tidak valid:"),
    "people.login_taken": ("The login {login} is already taken.",
                           "Login {login} sudah dipakai."),
    "people.last_secretariat": (
        "{login} is the last active secretariat: add another secretariat first (nobody could "
        "manage people any more).",
        "{login} adalah sekretariat aktif terakhir: tambahkan sekretariat lain terlebih dahulu "
        "(tidak ada lagi yang dapat mengelola orang).",
    ),
    "people.already_protected": ("The database is already protected.",
                                 "Basis data sudah dilindungi."),
    "people.protect_needs_sign_in": (
        "Only a secretariat signed in with a password can protect the database: add one "
        "(judging-app people add --role secretariat) and sign in with --user.",
        "Hanya sekretariat yang masuk dengan kata sandi yang dapat melindungi basis data: "
        "tambahkan satu (judging-app people add --role secretariat) dan masuk dengan --user.",
    ),
    # -- the key store --
    "keys.unreadable": ("The key file {path} cannot be read: {problem}.",
                        "Berkas kunci {path} tidak dapat dibaca: {problem}."),
    "keys.competition_missing": (
        "The signing keys of competition {competition} are not on this computer (key store "
        "{folder}). Import them with 'judging-app keys import' from the secretariat's backup.",
        "Kunci tanda tangan kompetisi {competition} tidak ada di komputer ini (penyimpanan "
        "kunci {folder}). Impor dengan 'judging-app keys import' dari cadangan sekretariat.",
    ),
    "keys.wrong_key": (
        "The key file {path} does not belong to competition {competition}.",
        "Berkas kunci {path} bukan milik kompetisi {competition}.",
    ),
    "keys.audit_missing": (
        "The audit key of this database is not on this computer (key store {folder}): "
        "changes cannot be recorded or checked. Import it with 'judging-app keys import'.",
        "Kunci audit basis data ini tidak ada di komputer ini (penyimpanan kunci {folder}): "
        "perubahan tidak dapat dicatat atau diperiksa. Impor dengan 'judging-app keys import'.",
    ),
    "keys.passphrase_short": (
        "The passphrase needs at least {length} characters.",
        "Frasa sandi minimal {length} karakter.",
    ),
    "keys.wrong_passphrase": (
        "{path}: the passphrase is wrong, or the file was altered; nothing was imported.",
        "{path}: frasa sandi salah, atau berkas telah diubah; tidak ada yang diimpor.",
    ),
    "keys.problem.other_file": (
        "it holds no exported keys",
        "berkas ini tidak memuat kunci hasil ekspor",
    ),
    "keys.problem.not_text": ("it is not a text file", "bukan berkas teks"),
    "keys.problem.damaged": (
        "its contents are incomplete or damaged",
        "isinya tidak lengkap atau rusak",
    ),
    "keys.not_a_key_file": (
        "{path} is not a key file of judging-app ({problem}); nothing was imported.",
        "{path} bukan berkas kunci judging-app ({problem}); tidak ada yang diimpor.",
    ),
    "keys.bad_name": (
        "{name} is not the name of a key (a key file or a database was made by hand); "
        "nothing was written.",
        "{name} bukan nama kunci (berkas kunci atau basis data dibuat dengan tangan); "
        "tidak ada yang ditulis.",
    ),
    "keys.conflict": (
        "The key {name} in the file differs from the one already in {folder}; nothing was "
        "imported (the keys belong to another database or competition with the same name).",
        "Kunci {name} dalam berkas berbeda dengan yang sudah ada di {folder}; tidak ada yang "
        "diimpor (kunci itu milik basis data atau kompetisi lain dengan nama yang sama).",
    ),
    # -- the audit trail --
    "audit.chain_broken": (
        "Event {event} ({action}): the event before it was removed or changed.",
        "Peristiwa {event} ({action}): peristiwa sebelumnya dihapus atau diubah.",
    ),
    "audit.unkeyed_event": (
        "Event {event} ({action}) is not keyed although older events are: it was inserted or rewritten.",
        "Peristiwa {event} ({action}) tidak berkunci padahal peristiwa sebelumnya berkunci: "
        "peristiwa itu disisipkan atau ditulis ulang.",
    ),
    "audit.event_changed": (
        "Event {event} ({action}): its content was changed, or it was written without the audit key.",
        "Peristiwa {event} ({action}): isinya diubah, atau ditulis tanpa kunci audit.",
    ),
    "audit.head_mismatch": (
        "The trail has {events:count} events but its head says {head:count}: events were removed.",
        "Jejak berisi {events:count} peristiwa tetapi kepalanya menyebut {head:count}: ada peristiwa yang dihapus.",
    ),
    "audit.legacy_count": (
        "The trail has {now:count} events from before keying; there were {then:count}: the trail was rewritten.",
        "Jejak berisi {now:count} peristiwa dari sebelum penguncian; semula {then:count}: jejak ditulis ulang.",
    ),
    "audit.keyed_events_missing": (
        "The database was keyed but its trail holds no keyed event: the trail was emptied.",
        "Basis data sudah berkunci tetapi jejaknya tidak berisi peristiwa berkunci: jejak dikosongkan.",
    ),
    "audit.tail_missing": (
        "This computer saw {seen:count} events in the trail; it now has {now:count}: "
        "the last events were removed.",
        "Komputer ini pernah melihat {seen:count} peristiwa dalam jejak; sekarang {now:count}: "
        "peristiwa terakhir dihapus.",
    ),
    "audit.key_check_removed": (
        "This computer holds the audit key of this database, but the database says it is not "
        "keyed: its trail was replaced.",
        "Komputer ini menyimpan kunci audit basis data ini, tetapi basis data menyatakan tidak "
        "berkunci: jejaknya diganti.",
    ),
    "audit.unverified_after_protect": (
        "Event {event} ({action}) names a person nobody verified, after the database was "
        "protected: the protection was switched off behind the app's back.",
        "Peristiwa {event} ({action}) mencatat nama yang tidak diverifikasi, padahal basis "
        "data sudah dilindungi: perlindungannya dimatikan di luar aplikasi.",
    ),
    "audit.protection_removed": (
        "The trail says this database was protected, but it is open now: the protection was "
        "switched off behind the app's back.",
        "Jejak menyatakan basis data ini dilindungi, tetapi sekarang terbuka: perlindungannya "
        "dimatikan di luar aplikasi.",
    ),
    "audit.not_keyed": (
        "The trail is not keyed yet (a database from an older version, unchanged since): it "
        "is keyed with the first change made with this version.",
        "Jejak belum berkunci (basis data dari versi lama, belum diubah sejak itu): jejak "
        "dikunci pada perubahan pertama dengan versi ini.",
    ),
    "audit.competition_untracked": (
        "Competition {competition} is not in the audit trail.",
        "Kompetisi {competition} tidak ada dalam jejak audit.",
    ),
    "audit.status_differs": (
        "Competition {competition} is {live} but the audit trail says {recorded}.",
        "Kompetisi {competition} berstatus {live} tetapi jejak audit menyebut {recorded}.",
    ),
    "audit.competition_deleted": (
        "Competition {competition} of the audit trail is no longer in the database.",
        "Kompetisi {competition} dalam jejak audit tidak ada lagi di basis data.",
    ),
    "audit.sheet_untracked": (
        "Sheet {sheet} (round/judge/entry) is submitted but not in the audit trail.",
        "Lembar nilai {sheet} (tahap/juri/peserta) terkirim tetapi tidak ada dalam jejak audit.",
    ),
    "audit.sheet_differs": (
        "Sheet {sheet} (round/judge/entry): scores differ from the audit trail on criteria {criteria}.",
        "Lembar nilai {sheet} (tahap/juri/peserta): nilai berbeda dari jejak audit pada kriteria {criteria}.",
    ),
    "audit.sheet_moved": (
        "Sheet {sheet} (round/judge/entry) was recorded as {recorded}: it was moved.",
        "Lembar nilai {sheet} (tahap/juri/peserta) tercatat sebagai {recorded}: lembar dipindahkan.",
    ),
    "audit.sheet_state_differs": (
        "Sheet {sheet} (round/judge/entry) is {live} but the audit trail says {recorded}.",
        "Lembar nilai {sheet} (tahap/juri/peserta) berstatus {live} tetapi jejak audit menyebut {recorded}.",
    ),
    "audit.sheet_deleted": (
        "Sheet {sheet} (round/judge/entry) was submitted and is gone from the database.",
        "Lembar nilai {sheet} (tahap/juri/peserta) sudah terkirim dan hilang dari basis data.",
    ),
    "audit.decision_deleted": (
        "Competition {competition}: decision {decision} ({kind}) of the audit trail is gone.",
        "Kompetisi {competition}: keputusan {decision} ({kind}) dalam jejak audit hilang.",
    ),
    "audit.decision_untracked": (
        "Competition {competition}: decision {decision} ({kind}) is not in the audit trail.",
        "Kompetisi {competition}: keputusan {decision} ({kind}) tidak ada dalam jejak audit.",
    ),
    "audit.decision_differs": (
        "Competition {competition}: decision {decision} ({kind}) differs from the audit trail.",
        "Kompetisi {competition}: keputusan {decision} ({kind}) berbeda dari jejak audit.",
    ),
    "audit.snapshot_differs": (
        "Competition {competition}: the finalized snapshot is not the one the audit trail recorded.",
        "Kompetisi {competition}: snapshot hasil final bukan yang tercatat dalam jejak audit.",
    ),
    "audit.setup_differs": (
        "Competition {competition}: the setup differs from what the audit trail recorded ({parts}).",
        "Kompetisi {competition}: pengaturan berbeda dari yang tercatat dalam jejak audit ({parts}).",
    ),
    "audit.eligibility_differs": (
        "Competition {competition}: the entries' eligibility differs from what the audit trail"
        " recorded ({parts}).",
        "Kompetisi {competition}: kelayakan peserta berbeda dari yang tercatat dalam jejak audit"
        " ({parts}).",
    ),
    "audit.assignments_differ": (
        "Competition {competition}: the assignments of judges {judges} differ from what the"
        " audit trail recorded.",
        "Kompetisi {competition}: penugasan juri {judges} berbeda dari yang tercatat dalam"
        " jejak audit.",
    ),
    "audit.piece.rules": ("ranking rules", "aturan pemeringkatan"),
    "audit.piece.categories": ("categories", "kategori"),
    "audit.piece.rounds": ("rounds and advancement rules", "tahap dan aturan kelulusan tahap"),
    "audit.piece.criteria": ("criteria, weights and scales", "kriteria, bobot dan skala"),
    "audit.piece.tiers": ("award tiers", "kategori penghargaan"),
    "audit.piece.entries": ("screening status or category of entries",
                            "status seleksi atau kategori peserta"),
    "audit.piece.advancements": ("entries advanced to a next round",
                                 "peserta yang lolos ke tahap berikutnya"),
    # -- finalized results --
    "snapshot.live_differs": (
        "Competition {competition} is finalized, but its data no longer gives the finalized "
        "results ({count:count} {count:plural:difference:differences}); they are not shown. "
        "Run 'judging-app verify' and 'judging-app db verify-audit'.",
        "Kompetisi {competition} sudah final, tetapi datanya tidak lagi menghasilkan hasil "
        "final ({count:count} perbedaan); hasil tidak ditampilkan. Jalankan 'judging-app "
        "verify' dan 'judging-app db verify-audit'.",
    ),
    "snapshot.missing": (
        "The competition is finalized but its result snapshot is missing.",
        "Kompetisi sudah final tetapi snapshot hasilnya hilang.",
    ),
    "snapshot.digest_differs": (
        "The stored snapshot does not match its own digest {digest}: it was edited.",
        "Snapshot yang tersimpan tidak cocok dengan sidik digitalnya sendiri {digest}: snapshot diubah.",
    ),
    "snapshot.printed_differs": (
        "The printed digest {printed} is not the snapshot's ({stored}).",
        "Sidik digital tercetak {printed} bukan sidik digital snapshot ({stored}).",
    ),
    "snapshot.entry_missing": (
        "Entry {entry} is in the finalized results but not in the results the data gives now.",
        "Peserta {entry} ada dalam hasil final tetapi tidak dalam hasil dari data sekarang.",
    ),
    "snapshot.entry_added": (
        "Entry {entry} is in the results the data gives now but not in the finalized results.",
        "Peserta {entry} ada dalam hasil dari data sekarang tetapi tidak dalam hasil final.",
    ),
    "snapshot.field_differs": (
        "Entry {entry}, {field}: finalized {frozen}, now {live}.",
        "Peserta {entry}, {field}: final {frozen}, sekarang {live}.",
    ),
    "reopen.not_finalized": (
        "Competition {competition} is not finalized: there is nothing to reopen.",
        "Kompetisi {competition} belum final: tidak ada yang dibuka kembali.",
    ),
    "reopen.reason_needed": (
        "Reopening finalized results needs a reason.",
        "Membuka kembali hasil final memerlukan alasan.",
    ),
    "reopen.chair_needed": (
        "The chair of the panel must sign off the reopening of {competition} first "
        "(judging-app reopen approve).",
        "Ketua dewan juri harus menyetujui pembukaan kembali {competition} terlebih dahulu "
        "(judging-app reopen approve).",
    ),
    "reopen.two_people": (
        "{who} signed off the reopening as chair: another person (the secretariat) reopens.",
        "{who} menyetujui pembukaan kembali sebagai ketua: orang lain (sekretariat) yang membukanya.",
    ),
    # -- the per-entry totals --
    "totals.differs": (
        "{competition} / round {round} / entry {entry}: the entry's totals are {kind}.",
        "{competition} / tahap {round} / peserta {entry}: total peserta {kind}.",
    ),
    "totals.differs_criterion": (
        "{competition} / round {round} / entry {entry} / criterion {criterion}: the "
        "criterion's totals are {kind}.",
        "{competition} / tahap {round} / peserta {entry} / kriteria {criterion}: total "
        "kriteria {kind}.",
    ),
    "totals.differs_sheet": (
        "{competition} / round {round} / entry {entry} / judge {judge}: the sheet's total is {kind}.",
        "{competition} / tahap {round} / peserta {entry} / juri {judge}: total lembar nilai {kind}.",
    ),
    "totals.kind.missing": ("missing or wrong", "hilang atau salah"),
    "totals.kind.stale": ("left over", "tersisa (usang)"),
    "totals.finalized_refused": (
        "Not repaired: finalized competitions {competitions} are touched. Their results are "
        "the snapshot; scores that no longer give them were changed behind the app's back "
        "(see 'judging-app verify' and 'judging-app db verify-audit').",
        "Tidak diperbaiki: kompetisi final {competitions} terdampak. Hasilnya adalah snapshot; "
        "nilai yang tidak lagi menghasilkannya telah diubah di luar aplikasi (lihat "
        "'judging-app verify' dan 'judging-app db verify-audit').",
    ),
    # -- what the commands say --
    "people.passwords_differ": ("The two passwords differ; nothing was changed.",
                                "Kedua kata sandi berbeda; tidak ada yang diubah."),
    "people.password_how": (
        "Give the new password with --password-stdin, or let the app make one with "
        "--generate-password.",
        "Berikan kata sandi baru dengan --password-stdin, atau biarkan aplikasi membuatnya "
        "dengan --generate-password.",
    ),
    "people.judge_link_form": (
        "--judge {value}: write COMPETITION/JUDGE, e.g. kota-2026/J01.",
        "--judge {value}: tulis KOMPETISI/JURI, mis. kota-2026/J01.",
    ),
    "people.none": ("Nobody is registered yet.", "Belum ada orang yang terdaftar."),
    "people.added": ("Registered {login} ({name}): {roles}.",
                     "{login} ({name}) terdaftar: {roles}."),
    "people.disabled": ("{login} can no longer sign in.", "{login} tidak dapat masuk lagi."),
    "people.enabled": ("{login} can sign in again.", "{login} dapat masuk kembali."),
    "people.roles_set": ("{login} now has the roles {roles}.",
                         "{login} sekarang memiliki peran {roles}."),
    "people.password_reset": ("The password of {login} was changed.",
                              "Kata sandi {login} telah diubah."),
    "people.generated_password": (
        "Password (shown once; give it to the person): {password}",
        "Kata sandi (ditampilkan sekali; berikan kepada orangnya): {password}",
    ),
    "people.protected": (
        "{where} is protected: every change now needs a signed-in person.",
        "{where} dilindungi: setiap perubahan kini memerlukan orang yang sudah masuk.",
    ),
    "keys.passphrase_how": (
        "Give the key file's passphrase (asked, or JUDGING_APP_KEYS_PASSPHRASE).",
        "Berikan frasa sandi berkas kunci (ditanyakan, atau JUDGING_APP_KEYS_PASSPHRASE).",
    ),
    "keys.exported": ("Wrote {count:count} {count:plural:key:keys} to {path}.",
                      "{count:count} kunci ditulis ke {path}."),
    "keys.not_here": (
        "Not on this computer (not exported): the keys of {competitions}.",
        "Tidak ada di komputer ini (tidak diekspor): kunci {competitions}.",
    ),
    "keys.imported": (
        "Imported {count:count} {count:plural:key:keys} into {folder} ({unchanged:count} already there).",
        "{count:count} kunci diimpor ke {folder} ({unchanged:count} sudah ada).",
    ),
    "restore.hint": (
        "If an older copy of this database (a backup) was restored on purpose, a secretariat "
        "records it: {command} (the restore stays in the audit trail).",
        "Jika salinan lama basis data ini (cadangan) sengaja dipulihkan, sekretariat "
        "mencatatnya: {command} (pemulihan tetap tercatat dalam jejak audit).",
    ),
    "restore.recorded": (
        "Recorded in the audit trail: an older copy of the database ({events:count} "
        "{events:plural:event:events}) was restored; verify-audit checks from it now.",
        "Dicatat dalam jejak audit: salinan lama basis data ({events:count} peristiwa) "
        "dipulihkan; verify-audit kini memeriksa mulai dari situ.",
    ),
    "restore.nothing": (
        "There is nothing to record: the audit trail holds every event this computer saw.",
        "Tidak ada yang perlu dicatat: jejak audit memuat semua peristiwa yang pernah dilihat "
        "komputer ini.",
    ),
    "restore.other_problems": (
        "Not recorded: the audit trail has {count:count} other {count:plural:problem:problems} "
        "besides missing events (see judging-app db verify-audit); a restored copy has none.",
        "Tidak dicatat: jejak audit memiliki {count:count} masalah lain selain peristiwa yang "
        "hilang (lihat judging-app db verify-audit); salinan yang dipulihkan tidak memilikinya.",
    ),
    "restore.reason_needed": (
        "Say why the copy was restored: the reason goes into the audit trail.",
        "Sebutkan alasan salinan dipulihkan: alasannya masuk ke jejak audit.",
    ),
    "verify.bad_digest": (
        "'{digest}' is not a results digest: it is 64 characters, digits 0-9 and letters A-F, as printed "
        "under 'Snapshot digest' in the minutes (berita acara) and the winners list.",
        "'{digest}' bukan sidik digital hasil: sidik digital terdiri atas 64 karakter, angka "
        "0-9 dan huruf abcdef, seperti tercetak pada berita acara dan daftar pemenang.",
    ),
    "verify.not_finalized": (
        "Competition {competition} is not finalized (its status is {status}): there are no "
        "finalized results to verify. Finalize it first; results reopened are verified again "
        "once finalized anew.",
        "Kompetisi {competition} belum final (statusnya {status}): belum ada hasil final "
        "untuk diverifikasi. Sahkan dulu; hasil yang dibuka kembali diverifikasi lagi setelah "
        "disahkan ulang.",
    ),
    "verify.status_changed": (
        "The competition's status is {status}, yet its finalized results were never reopened "
        "(no reopening supersedes the snapshot): the status was changed outside the app.",
        "Status kompetisi adalah {status}, padahal hasil finalnya tidak pernah dibuka kembali "
        "(tidak ada pembukaan kembali yang menggantikan snapshot): status diubah di luar "
        "aplikasi.",
    ),
    "verify.receipt": (
        "{competition}: snapshot digest {digest}; audit head {head} after {events:count} "
        "events; {entries:count} entries, {sheets:count} sheets.",
        "{competition}: sidik digital snapshot {digest}; kepala audit {head} setelah {events:count} "
        "peristiwa; {entries:count} peserta, {sheets:count} lembar nilai.",
    ),
    "verify.ok": (
        "{competition}: the scores still give exactly the finalized results.",
        "{competition}: nilai masih menghasilkan tepat hasil final.",
    ),
    "verify.failed": (
        "{competition}: the finalized results do not hold ({count:count} "
        "{count:plural:difference:differences}):",
        "{competition}: hasil final tidak terpenuhi ({count:count} perbedaan):",
    ),
    "reopen.approved": (
        "The chair's sign-off to reopen {competition} is recorded.",
        "Persetujuan ketua untuk membuka kembali {competition} telah dicatat.",
    ),
    "reopen.done": (
        "The finalized results of {competition} were reopened; it is in judging again.",
        "Hasil final {competition} dibuka kembali; kompetisi kembali dalam tahap penilaian.",
    ),
    "audit.intact": (
        "Audit trail intact: {events:count} events (keyed: {keyed}); the data is what it says.",
        "Jejak audit utuh: {events:count} peristiwa (berkunci: {keyed}); data sesuai jejak.",
    ),
    "audit.tampered": (
        "The audit trail or the data was tampered with ({count:count} "
        "{count:plural:problem:problems}):",
        "Jejak audit atau data telah diubah ({count:count} masalah):",
    ),
    "server.initialized": (
        "{database}: the app's tables are in schema {schema}, owned by {prefix}_owner; group "
        "roles {prefix}_secretariat, _chair, _judge, _observer; row-level security on. Add "
        "people with 'judging-app people add' (each gets a login).",
        "{database}: tabel aplikasi ada di skema {schema}, dimiliki {prefix}_owner; peran "
        "kelompok {prefix}_secretariat, _chair, _judge, _observer; keamanan tingkat baris "
        "aktif. Tambahkan orang dengan 'judging-app people add' (masing-masing mendapat login).",
    ),
    "server.name_needed": ("Give the first secretariat's full name with --name.",
                           "Berikan nama lengkap sekretariat pertama dengan --name."),
    "auth.not_a_person": (
        "This server login is not a registered person of the app (an administrator's "
        "login?): sign in with your own login.",
        "Login server ini bukan orang yang terdaftar di aplikasi (login administrator?): "
        "masuk dengan login Anda sendiri.",
    ),
    "server.upgrade_needed": (
        "{url} is at schema {revision}; this version needs {head}. Ask the server's "
        "administrator to run 'judging-app server init' with this version (it upgrades the "
        "database and its grants).",
        "{url} berada pada skema {revision}; versi ini memerlukan {head}. Minta administrator "
        "server menjalankan 'judging-app server init' dengan versi ini (memperbarui basis "
        "data dan hak aksesnya).",
    ),
    "server.keys_in_database": (
        "{count:count} judges' signing keys are still stored in the database (made by an "
        "older version): the secretariat moves them to its key store first with "
        "'judging-app keys take-out', then run server init again.",
        "{count:count} kunci tanda tangan juri masih tersimpan di basis data (dibuat versi "
        "lama): sekretariat memindahkannya ke penyimpanan kuncinya dahulu dengan "
        "'judging-app keys take-out', lalu jalankan server init lagi.",
    ),
    "keys.taken_out": (
        "The signing keys of {competitions} are in the key store {folder}; none is left in "
        "the database.",
        "Kunci tanda tangan {competitions} ada di penyimpanan kunci {folder}; tidak ada lagi "
        "di basis data.",
    ),
}
