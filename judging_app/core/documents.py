"""How a competition's documents are headed, numbered and signed, as Indonesian government
documents are: the letterhead (kop surat: government, office, address, logo), the head of
region whose decree the winners list is attached to (WALI KOTA / BUPATI / GUBERNUR …), the
place the documents are issued at, the number of the minutes (Nomor), and the time zone
times are printed in (WIB / WITA / WIT). Plain data; set per competition."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from judging_app.core.messages import Message

LOGO_MAX_BYTES = 512 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
# Indonesia's three zones first; any IANA zone is accepted.
TIME_ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")
HEAD_TITLES = ("WALI KOTA", "BUPATI", "GUBERNUR")
HEAD_TITLES_EN = {"WALI KOTA": "MAYOR OF", "BUPATI": "REGENT OF", "GUBERNUR": "GOVERNOR OF"}
TEXT_LIMIT = 300


@dataclass(frozen=True)
class DocumentSettings:
    government: str = ""  # first line of the kop: PEMERINTAH KOTA CONTOH
    office: str = ""  # second line, larger: BADAN PERENCANAAN PEMBANGUNAN DAERAH
    address: str = ""  # the address line(s) under it; "\n" separates lines
    logo: bytes = b""  # PNG or JPEG, at most LOGO_MAX_BYTES; b"" = no logo
    head_title: str = "WALI KOTA"  # WALI KOTA, BUPATI, GUBERNUR or another title
    region: str = ""  # printed after the title: WALI KOTA CONTOH
    head_name: str = ""  # who signs the decree (printed under the signature)
    head_nip: str = ""  # a NIP under that name, when the signer is a civil servant
    place: str = ""  # "Ditetapkan di …"
    minutes_number: str = ""  # Nomor of the berita acara
    decree_number: str = ""  # NOMOR of the decree the winners list is attached to
    time_zone: str = "Asia/Jakarta"

    def zone(self) -> ZoneInfo:
        return zone_info(self.time_zone)

    def head(self, lang: str = "id") -> str:
        """WALI KOTA CONTOH / MAYOR OF CONTOH ('' when no title is set)."""
        title = self.head_title.strip()
        if lang == "en":
            title = HEAD_TITLES_EN.get(title.upper(), title)
        return " ".join(x for x in (title, self.region.strip()) if x)


def zone_info(name: str) -> ZoneInfo:
    """The IANA zone; Asia/Jakarta when the name is not a zone this machine knows."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Asia/Jakarta")


def logo_kind(data: bytes) -> str | None:
    """'png', 'jpeg' or None, by the file's first bytes."""
    if data.startswith(PNG_MAGIC):
        return "png"
    if data.startswith(JPEG_MAGIC):
        return "jpeg"
    return None


def validate_documents(d: DocumentSettings) -> list[Message]:
    """What is wrong with the settings (empty when they are fine)."""
    out: list[Message] = []
    for name in ("government", "office", "address", "head_title", "region", "head_name",
                 "head_nip", "place", "minutes_number", "decree_number"):
        if len(getattr(d, name)) > TEXT_LIMIT:
            out.append(Message("documents.too_long", field=name, limit=TEXT_LIMIT))
    if d.logo:
        if logo_kind(d.logo) is None:
            out.append(Message("documents.logo_not_image"))
        elif len(d.logo) > LOGO_MAX_BYTES:
            out.append(Message("documents.logo_too_large", size=len(d.logo) // 1024,
                               limit=LOGO_MAX_BYTES // 1024))
    try:
        ZoneInfo(d.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        out.append(Message("documents.unknown_time_zone", zone=d.time_zone))
    return out
