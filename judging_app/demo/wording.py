"""Indonesian wording for demo entries: innovation titles, summaries, judges' comments and
the reasons a secretariat writes down. Titles follow the habits of Indonesian
public-service innovations: an acronym with its expansion ("SI-CANTIK: Sistem Informasi
…"), "Layanan … Keliling", "Jemput Bola …", "Gerakan …". Summaries are four sentences
(problem, what the innovation does, results with numbers, how it is sustained).
"""

from __future__ import annotations

import random

# Which field an entry's unit works in decides the vocabulary of its innovation.
DOMAIN_BY_KIND = {"puskesmas": "health", "rsud": "health", "sekolah": "school",
                  "kecamatan": "civil", "kelurahan": "civil"}
DOMAIN_BY_WORD = (("Kesehatan", "health"), ("Keluarga Berencana", "health"),
                  ("Kependudukan", "civil"), ("Pendidikan", "school"), ("Perpustakaan", "school"))


def domain_of(unit_name: str, kind: str) -> str:
    for word, domain in DOMAIN_BY_WORD:
        if word in unit_name:
            return domain
    return DOMAIN_BY_KIND.get(kind, "general")


# (acronym, expansion, digital?)
ACRONYMS = {
    "health": (
        ("SI-CANTIK", "Sistem Informasi Cegah Anak Stunting Terintegrasi dan Kolaboratif", True),
        ("SEHATI", "Sehat Bersama Ibu Hamil dan Balita Terpadu", False),
        ("DELIMA", "Deteksi Dini Lansia dan Ibu Hamil Berisiko", False),
        ("SIGAP", "Sistem Informasi Gawat Darurat dan Ambulans Terpadu", True),
        ("PANDAWA", "Pelayanan Antar Obat untuk Warga", False),
        ("SIPEDULI", "Sistem Informasi Pemantauan Penderita Penyakit Tidak Menular", True),
        ("BUMIL CERIA", "Ibu Hamil Cerdas, Riang, dan Aktif", False),
        ("E-RUJUK", "Rujukan Pasien Elektronik antar-Fasilitas Kesehatan", True),
    ),
    "civil": (
        ("SI-CANTIK", "Sistem Informasi Cetak Akta dan Kartu Identitas Anak", True),
        ("SAKTI", "Sistem Administrasi Kependudukan Terintegrasi", True),
        ("SILAKAN", "Sistem Layanan Kependudukan Online", True),
        ("PAKET KOMPLIT", "Paket Akta Kelahiran, Kartu Keluarga, dan KIA Sekaligus", False),
        ("SIPANDU", "Sistem Informasi Pelayanan Terpadu Kelurahan", True),
        ("KAWAL", "Kanal Aduan Warga Langsung", True),
        ("RT PINTAR", "Rukun Tetangga Pelayanan Informasi Terpadu dan Ramah", False),
    ),
    "school": (
        ("SIMANIS", "Sistem Informasi Manajemen Sekolah", True),
        ("GELIS", "Gerakan Literasi Sekolah", False),
        ("SIPINTER", "Sistem Informasi Pendidikan Terintegrasi", True),
        ("SAPA ORTU", "Sarana Pantau Orang Tua", True),
        ("KELAS CERIA", "Kelas Cerdas, Ramah, dan Inklusif untuk Anak", False),
        ("PERPUS KELILING", "Perpustakaan Keliling ke Kampung", False),
    ),
    "general": (
        ("SIMPEL", "Sistem Informasi Pelayanan Elektronik", True),
        ("TANGKAS", "Tanggap Keluhan Masyarakat Secara Cepat", True),
        ("SIPADU", "Sistem Pajak Daerah Terpadu", True),
        ("SIAP SIAGA", "Sistem Informasi Antisipasi dan Peringatan Dini Bencana", True),
        ("BERSERI", "Bersih, Sehat, Rapi, dan Indah", False),
        ("LAPAK UMKM", "Layanan Pemasaran dan Akses Kredit UMKM", True),
        ("E-RETRIBUSI", "Pembayaran Retribusi Daerah Nontunai", True),
        ("GERCEP", "Gerakan Cepat Penanganan Pengaduan", False),
        ("SIKAT", "Sistem Informasi Kinerja Aparatur Terpadu", True),
        ("BANK SAMPAH DIGITAL", "Tabungan Sampah Warga Berbasis Aplikasi", True),
    ),
}
SERVICES = {
    "health": ("Pemeriksaan Kesehatan Lansia", "Imunisasi Anak", "Pemantauan Gizi Balita",
               "Skrining Hipertensi dan Diabetes", "Pelayanan Kesehatan Jiwa",
               "Pemeriksaan Ibu Hamil", "Pengantaran Obat Pasien Kronis"),
    "civil": ("Perekaman KTP-el", "Akta Kelahiran", "Kartu Identitas Anak", "Pindah Datang Penduduk",
              "Surat Keterangan Usaha", "Akta Kematian", "Legalisasi Dokumen"),
    "school": ("Literasi Baca Tulis", "Bimbingan Belajar", "Pendaftaran Peserta Didik Baru",
               "Pendidikan Karakter", "Layanan Anak Berkebutuhan Khusus"),
    "general": ("Perizinan Usaha", "Pembayaran Pajak Bumi dan Bangunan", "Pengaduan Masyarakat",
                "Pengelolaan Sampah", "Bantuan Sosial", "Pelatihan Kerja", "Pemasaran Produk UMKM",
                "Penerangan Jalan", "Informasi Lowongan Kerja", "Uji Kendaraan Bermotor"),
}
CHANNELS = ("Aplikasi Android", "WhatsApp", "Kode QR", "Sistem Informasi Geografis", "Situs Web",
            "Layanan Pesan Singkat")
DIGITAL_FORMS = ("{acr}: {exp}", "{acr} ({exp})", "{service} Berbasis {channel}",
                 "{acr}: {service} Berbasis {channel}")
PLAIN_FORMS = ("{acr}: {exp}", "Layanan {service} Keliling", "Jemput Bola {service}",
               "Gerakan {acr}: {exp}", "Gerai {service}", "{service} Terpadu di {place}")


def innovation_title(rng: random.Random, domain: str, digital: bool, place: str) -> tuple[str, str]:
    """(title, short name) of an innovation in a domain; digital or not."""
    acronyms = [a for a in ACRONYMS[domain] if a[2] == digital] or list(ACRONYMS[domain])
    acr, exp, _ = rng.choice(acronyms)
    service = rng.choice(SERVICES[domain])
    form = rng.choice(DIGITAL_FORMS if digital else PLAIN_FORMS)
    title = form.format(acr=acr, exp=exp, service=service, channel=rng.choice(CHANNELS), place=place)
    short = acr if "{acr}" in form else title
    return title, short


PROBLEMS = {
    "health": ("Cakupan {service} di wilayah kerja kami masih di bawah target kota.",
               "Banyak warga lanjut usia tidak datang ke fasilitas kesehatan karena jarak dan biaya.",
               "Angka stunting di beberapa kelurahan masih di atas rata-rata kota."),
    "civil": ("Warga harus datang ke kantor hingga tiga kali untuk mengurus {service}.",
              "Antrean {service} sering mengular sejak pagi dan banyak berkas kembali karena kurang.",
              "Banyak anak belum memiliki dokumen kependudukan yang dibutuhkan untuk sekolah."),
    "school": ("Minat baca siswa rendah dan buku di perpustakaan sekolah jarang dipinjam.",
               "Orang tua sulit memantau perkembangan belajar anak di sekolah.",
               "Layanan {service} belum menjangkau siswa dari keluarga kurang mampu."),
    "general": ("Pengaduan warga tentang {service} sering tidak tertangani tepat waktu.",
                "Proses {service} memakan waktu lama dan tidak transparan bagi warga.",
                "Pelaku usaha kecil kesulitan mengakses {service} karena prosedur yang berbelit."),
}
SOLUTIONS = (
    "{short} memungkinkan warga mengajukan layanan dari rumah dan memantau prosesnya.",
    "Melalui {short}, petugas mendatangi warga secara terjadwal di tingkat RT dan RW.",
    "{short} menyatukan data lintas unit kerja sehingga berkas cukup diserahkan satu kali.",
    "{short} melibatkan kader, tokoh masyarakat, dan relawan untuk menjangkau warga sasaran.",
)
RESULTS = (
    "Sejak diterapkan pada {year}, waktu layanan turun dari {a} hari menjadi {b} hari.",
    "Hingga akhir tahun lalu {n} warga telah terlayani dan indeks kepuasan naik menjadi {pct}%.",
    "Cakupan layanan meningkat dari {lo}% menjadi {pct}% dalam dua tahun.",
)
SUSTAIN = (
    "Inovasi ini ditetapkan dengan Keputusan Kepala {unit} dan didukung anggaran rutin.",
    "Inovasi ini sudah direplikasi oleh {k} unit kerja lain di lingkungan pemerintah kota.",
    "Standar operasional prosedur telah disusun sehingga layanan tidak bergantung pada satu petugas.",
    "Ke depan, layanan akan diintegrasikan dengan aplikasi pelayanan publik milik pemerintah kota.",
)


def summary(rng: random.Random, domain: str, short: str, unit: str, year: int) -> str:
    service = rng.choice(SERVICES[domain]).lower()
    lo = rng.randrange(30, 65)
    parts = (
        rng.choice(PROBLEMS[domain]).format(service=service),
        rng.choice(SOLUTIONS).format(short=short),
        rng.choice(RESULTS).format(year=year, a=rng.randrange(5, 15), b=rng.randrange(1, 4),
                                   n=f"{rng.randrange(300, 25000):,}".replace(",", "."),
                                   pct=rng.randrange(lo + 10, 98), lo=lo),
        rng.choice(SUSTAIN).format(unit=unit, k=rng.randrange(2, 9)),
    )
    return " ".join(parts)


DISQUALIFY_REASONS = (
    "Tidak melampirkan surat pengantar kepala perangkat daerah.",
    "Bukti dukung (video dan data capaian) tidak dapat diakses.",
    "Inovasi masih berupa gagasan dan belum diterapkan.",
    "Unit kerja mengajukan lebih dari satu inovasi; hanya satu yang dinilai.",
)
WITHDRAW_REASONS = (
    "Ditarik oleh unit kerja karena inovator dimutasi ke unit lain.",
    "Ditarik oleh unit kerja untuk diajukan kembali tahun depan setelah penyempurnaan.",
)
DECLARED_CONFLICT_TEXT = (
    "Juri pernah menjadi narasumber pendampingan penyusunan proposal inovasi ini."
)
LOW_COMMENTS = (
    "Data sebelum dan sesudah inovasi belum disajikan.",
    "Bukti dukung belum menunjukkan hasil yang diklaim.",
    "Belum ada dasar hukum atau SOP yang mendukung.",
    "Manfaat bagi kelompok rentan belum terlihat.",
)
HIGH_COMMENTS = (
    "Didukung data capaian yang jelas dan terukur.",
    "Sudah ditiru unit kerja lain; layak dijadikan contoh.",
    "Keterlibatan masyarakat sangat baik.",
    "Dasar hukum dan anggaran keberlanjutan lengkap.",
)
OVERALL_COMMENTS = (
    "Inovasi menarik, tetapi proposal perlu dilengkapi data capaian.",
    "Layak dipertimbangkan untuk tahap presentasi.",
    "Perlu penjelasan lebih rinci tentang keberlanjutan anggaran.",
    "Inovasi sederhana tetapi berdampak langsung bagi warga.",
    "Mohon verifikasi lapangan untuk memastikan klaim jumlah pengguna.",
)
