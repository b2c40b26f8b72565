"""Indonesian vocabulary for demo data: government units, innovators and judges.

Everything is picked with a `random.Random` the caller passes in, so the same seed gives
the same names. Places are made up from common Indonesian place-name parts; people are
made up from common given and family names. E-mail addresses use the reserved `.example`
top-level domain so that a demo database can never mail a real person.
"""

from __future__ import annotations

import random

UNIT_KINDS = ("dinas", "badan", "kecamatan", "kelurahan", "puskesmas", "sekolah", "rsud", "upt")

DINAS = (
    "Kesehatan", "Kependudukan dan Pencatatan Sipil", "Pendidikan", "Sosial", "Perhubungan",
    "Pekerjaan Umum dan Penataan Ruang", "Perumahan dan Kawasan Permukiman", "Lingkungan Hidup",
    "Komunikasi dan Informatika", "Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Tenaga Kerja", "Koperasi, Usaha Kecil dan Menengah", "Perdagangan dan Perindustrian",
    "Pertanian dan Ketahanan Pangan", "Kebudayaan dan Pariwisata", "Pemuda dan Olahraga",
    "Perpustakaan dan Kearsipan", "Pemberdayaan Perempuan dan Perlindungan Anak",
    "Pengendalian Penduduk dan Keluarga Berencana", "Pemadam Kebakaran dan Penyelamatan",
    "Perikanan", "Pemberdayaan Masyarakat dan Kelurahan",
)
BADAN = (
    "Perencanaan Pembangunan Daerah", "Pendapatan Daerah", "Pengelolaan Keuangan dan Aset Daerah",
    "Kepegawaian dan Pengembangan Sumber Daya Manusia", "Penanggulangan Bencana Daerah",
    "Kesatuan Bangsa dan Politik", "Riset dan Inovasi Daerah",
)
PLACES = (
    "Sukamaju", "Sukajaya", "Mekarsari", "Sumbersari", "Tegalrejo", "Kebonsari", "Karangasem",
    "Margahayu", "Cempaka Putih", "Tanjungsari", "Bukit Indah", "Sidomulyo", "Pasir Jati",
    "Wonorejo", "Mulyorejo", "Tamansari", "Kedungwaru", "Rawamangun", "Sindangsari",
    "Banjarsari", "Cikarang Baru", "Pandanwangi", "Batu Ampar", "Lembah Hijau", "Padang Bulan",
    "Ujung Pandang Baru", "Kampung Baru", "Sungai Bambu", "Gunung Sari", "Pasar Lama",
    "Kota Baru", "Jatimulya", "Harjosari", "Purwodadi", "Kaliurang", "Sukaresmi", "Mangunharjo",
    "Simpang Tiga", "Talang Banjar", "Air Tawar", "Teluk Betung", "Labuhan Ratu", "Medan Sunggal",
    "Panakkukang", "Tlogomas", "Kertajaya", "Sidorejo", "Pakuwon", "Lowokwaru", "Cibeureum",
)
UPT = (
    "Pengelolaan Sampah", "Laboratorium Kesehatan Daerah", "Pengujian Kendaraan Bermotor",
    "Pengelolaan Air Limbah Domestik", "Rumah Potong Hewan", "Pelayanan Pajak Daerah Wilayah Utara",
    "Pelayanan Pajak Daerah Wilayah Selatan", "Balai Latihan Kerja", "Taman Pemakaman Umum",
    "Pengelolaan Pasar Rakyat", "Rumah Singgah Sosial", "Penerangan Jalan Umum",
)
RSUD = ("RSUD Kota", "RSUD Bhakti Husada", "RSUD Sehat Sejahtera", "RSUD Tipe D Wilayah Timur")

# How likely each kind is to be among the participating units (weighted sampling).
KIND_WEIGHT = {"dinas": 3.0, "badan": 3.0, "kecamatan": 2.0, "rsud": 2.0, "upt": 1.5,
               "puskesmas": 1.0, "kelurahan": 0.6, "sekolah": 0.5}


def unit_pool() -> list[tuple[str, str]]:
    """Every unit name the demo can use, as (name, kind), in a fixed order (179 names)."""
    pool = [(f"Dinas {n}", "dinas") for n in DINAS]
    pool += [(f"Badan {n}", "badan") for n in BADAN]
    pool += [(f"Kecamatan {p}", "kecamatan") for p in PLACES[:14]]
    pool += [(f"Kelurahan {p}", "kelurahan") for p in PLACES[8:48]]
    pool += [(f"Puskesmas {p}", "puskesmas") for p in PLACES[::2]]
    pool += [(f"SD Negeri {i}", "sekolah") for i in range(1, 41)]
    pool += [(f"SMP Negeri {i}", "sekolah") for i in range(1, 16)]
    pool += [(n, "rsud") for n in RSUD]
    pool += [(f"UPT {n}", "upt") for n in UPT]
    return pool


def pick_units(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """n distinct units, weighted towards dinas and badan (weighted sampling without
    replacement, Efraimidis-Spirakis), returned grouped by kind and then by name."""
    pool = unit_pool()
    if not 1 <= n <= len(pool):
        raise ValueError(f"between 1 and {len(pool)} units, not {n}")
    keyed = sorted(
        ((rng.random() ** (1.0 / KIND_WEIGHT[kind]), name, kind) for name, kind in pool),
        reverse=True,
    )
    chosen = [(name, kind) for _, name, kind in keyed[:n]]
    order = {k: i for i, k in enumerate(UNIT_KINDS)}
    return sorted(chosen, key=lambda u: (order[u[1]], _natural(u[0])))


def _natural(name: str) -> tuple:
    head, _, tail = name.rpartition(" ")
    return (head, int(tail)) if tail.isdigit() else (name, 0)


# ---- people --------------------------------------------------------------------------------

FEMALE = (
    "Siti", "Dewi", "Rina", "Sri", "Fitri", "Nur", "Ayu", "Wulan", "Indah", "Ratna", "Yuni",
    "Lestari", "Putri", "Anisa", "Kartika", "Maria", "Made", "Ni Luh", "Rahma", "Dian", "Novita",
    "Eka", "Intan", "Mega", "Nurul", "Retno", "Sari", "Tri", "Yohana", "Rosmawati",
)
MALE = (
    "Agus", "Budi", "Eko", "Wahyu", "Rizky", "Ahmad", "Muhammad", "Yohanes", "Andi", "Joko",
    "Hendra", "Dedi", "Bambang", "Irfan", "Fajar", "Arief", "Dimas", "Hadi", "Teguh", "Yusuf",
    "Ketut", "Putu", "Rudi", "Slamet", "Taufik", "Bayu", "Gede", "Hasan", "Rahmat", "Imam",
)
FAMILY = (
    "Siregar", "Nasution", "Simanjuntak", "Harahap", "Wijaya", "Hasibuan", "Sitompul", "Tanjung",
    "Lubis", "Panjaitan", "Sinaga", "Pohan", "Matondang", "Manurung", "Gultom", "Damanik",
)
FAMILY_F = ("Lestari", "Rahmawati", "Susanti", "Handayani", "Utami", "Maharani", "Wulandari",
            "Puspitasari", "Anggraini", "Kusumawati", "Permatasari", "Safitri")
FAMILY_M = ("Santoso", "Wibowo", "Pratama", "Hidayat", "Saputra", "Kurniawan", "Setiawan",
            "Nugroho", "Purnomo", "Permana", "Gunawan", "Firmansyah", "Prasetyo", "Sulistyo")

DEGREES = {
    "health": ("S.Kep., Ns.", "A.Md.Keb.", "S.K.M.", "S.Farm., Apt.", "S.Gz.", "M.Kes."),
    "school": ("S.Pd.", "M.Pd.", "S.Pd.SD", "S.Si."),
    "office": ("S.Kom.", "S.E.", "S.T.", "S.Sos.", "S.H.", "M.Si.", "M.M.", "M.A.P.", "S.I.P.",
               "S.Kom., M.Kom.", "S.E., M.Ak.", "S.STP", "M.T."),
}


def _plain_name(rng: random.Random) -> str:
    if rng.random() < 0.5:
        given = rng.choice(FEMALE)
        family = rng.choice(FAMILY_F + FAMILY)
    else:
        given = rng.choice(MALE)
        family = rng.choice(FAMILY_M + FAMILY)
    if given == family or rng.random() < 0.12:  # many Indonesians go by a single name
        return given
    return f"{given} {family}"


def person_name(rng: random.Random, kind: str = "") -> str:
    """An innovator's name, with degrees after a comma most of the time (and 'dr.' before
    some names in health units)."""
    name = _plain_name(rng)
    field = "health" if kind in ("puskesmas", "rsud") else "school" if kind == "sekolah" else "office"
    if field == "health" and rng.random() < 0.2:
        return f"dr. {name}" + (", M.Kes." if rng.random() < 0.3 else "")
    if rng.random() < 0.3:
        return name
    return f"{name}, {rng.choice(DEGREES[field])}"


def innovators(rng: random.Random, kind: str) -> str:
    """One to three innovators, separated by '; '."""
    count = rng.choices((1, 2, 3), weights=(5, 3, 2))[0]
    return "; ".join(person_name(rng, kind) for _ in range(count))


def phone(rng: random.Random) -> str:
    prefix = rng.choice(("0811", "0812", "0813", "0821", "0822", "0852", "0857", "0878", "0896"))
    return f"{prefix}-{rng.randrange(10000):04d}-{rng.randrange(10000):04d}"


def email_local(name: str) -> str:
    """'Dr. Rina Kusumawati, M.Si.' -> 'rina.kusumawati'."""
    bare = name.split(",")[0]
    words = [w for w in bare.replace(".", ". ").split() if not w.endswith(".")]
    return ".".join(w.lower() for w in words) or "juri"


# ---- judges --------------------------------------------------------------------------------

UNIVERSITIES = (
    ("Universitas Padjadjaran", "unpad"), ("Universitas Gadjah Mada", "ugm"),
    ("Universitas Airlangga", "unair"), ("Universitas Diponegoro", "undip"),
    ("Universitas Brawijaya", "ub"), ("Universitas Hasanuddin", "unhas"),
    ("Universitas Andalas", "unand"), ("Universitas Sebelas Maret", "uns"),
    ("Universitas Sumatera Utara", "usu"), ("Universitas Udayana", "unud"),
    ("Universitas Negeri Semarang", "unnes"), ("Universitas Sriwijaya", "unsri"),
)
DEPARTMENTS = (
    "Departemen Administrasi Publik", "Departemen Ilmu Pemerintahan",
    "Program Studi Kebijakan Publik", "Fakultas Kesehatan Masyarakat",
    "Departemen Sistem Informasi", "Fakultas Ekonomi dan Bisnis", "Sekolah Pascasarjana",
)
PRACTITIONERS = (
    ("Praktisi Pelayanan Publik", "praktisi"),
    ("Konsultan Transformasi Digital Pemerintahan", "digital"),
    ("Jurnalis, Harian Suara Kota", "suarakota"),
    ("Asosiasi Pengusaha Kecil dan Menengah Daerah", "apkmd"),
    ("Ikatan Dokter Indonesia Cabang Kota", "idi-kota"),
)
NGOS = (
    ("Forum Masyarakat Peduli Pelayanan Publik", "fmp3"),
    ("Lembaga Kajian Kebijakan Publik Nusantara", "lkkpn"),
    ("Komunitas Inovasi Desa dan Kota", "kidk"),
    ("Yayasan Warga Berdaya", "wargaberdaya"),
)
ACADEMIC_PREFIX = ("Dr.", "Dr.", "Prof. Dr.", "Dr. Ir.", "")
ACADEMIC_SUFFIX = ("M.Si.", "M.P.A.", "M.Sc.", "Ph.D.", "M.T.", "M.Kes.", "M.Soc.Sc.", "M.A.")


def judge_profile(rng: random.Random, index: int) -> tuple[str, str, str]:
    """(name, affiliation, e-mail) of an outside judge. About half are academics (the chair,
    index 0, always a professor), the rest practitioners and civil-society people."""
    name = _plain_name(rng)
    roll = 0 if index == 0 else (index * 7 + rng.randrange(10)) % 10
    if roll < 5:
        university, domain = rng.choice(UNIVERSITIES)
        prefix = "Prof. Dr." if index == 0 else rng.choice(ACADEMIC_PREFIX)
        full = f"{prefix} {name}, {rng.choice(ACADEMIC_SUFFIX)}".strip()
        return full, f"{rng.choice(DEPARTMENTS)}, {university}", f"{email_local(full)}@{domain}.example"
    pool = PRACTITIONERS if roll < 8 else NGOS
    affiliation, domain = rng.choice(pool)
    full = name if rng.random() < 0.4 else f"{name}, {rng.choice(DEGREES['office'])}"
    return full, affiliation, f"{email_local(full)}@{domain}.example"
