"""PDF files for tests and benchmarks, written byte by byte (no PDF library): a proposal
with text, tables and photos of any page count and size, and the bad files a renderer must
survive (a huge page, deeply nested objects, a decompression bomb, an encrypted file).

Photos are JPEGs of noise (Qt writes them), so a file's size is what the caller asks for
and cannot be compressed away.
"""

from __future__ import annotations

import os
import random
import zlib
from pathlib import Path


class _Pdf:
    """Numbered objects, then a cross-reference table and a trailer."""

    def __init__(self) -> None:
        self.objects: list[bytes] = []

    def reserve(self) -> int:
        self.objects.append(b"")
        return len(self.objects)

    def set(self, number: int, body: bytes) -> None:
        self.objects[number - 1] = body

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def stream(self, data: bytes, extra: bytes = b"", compress: bool = True) -> int:
        if compress:
            data = zlib.compress(data, 6)
            extra += b"/Filter/FlateDecode"
        return self.add(b"<<" + extra + b"/Length %d>>\nstream\n" % len(data) + data
                        + b"\nendstream")

    def write(self, root: int, trailer_extra: bytes = b"") -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objects) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        out += (b"trailer\n<</Size %d/Root %d 0 R" % (len(self.objects) + 1, root)
                + trailer_extra + b">>\nstartxref\n%d\n%%%%EOF\n" % xref)
        return bytes(out)


def _text(value: str) -> bytes:
    return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def noise_jpeg(width: int, height: int, seed: int = 0, quality: int = 85) -> bytes:
    """A JPEG photo of coloured noise over a gradient (Qt encodes it)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    rng = random.Random(seed)
    raw = bytearray(rng.randbytes(width * height * 3))
    for y in range(0, height):
        shade = 255 * y // max(1, height - 1)
        row = y * width * 3
        for x in range(0, width * 3, 3):
            raw[row + x] = (raw[row + x] // 3 + shade * 2 // 3) & 0xFF
    image = QImage(bytes(raw), width, height, width * 3, QImage.Format.Format_RGB888)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", quality)
    buffer.close()
    return bytes(data)


PROSE = ("Inovasi ini mempercepat layanan perizinan dengan antrean daring, notifikasi pesan "
         "singkat dan dasbor kinerja bagi pimpinan perangkat daerah. Waktu tunggu turun dari "
         "lima hari menjadi satu hari kerja; kepuasan masyarakat naik menjadi 88 persen.")


def proposal_pdf(pages: int = 30, photo_every: int = 3, photo_px: int = 600,
                 target_bytes: int | None = None, title: str = "Proposal inovasi",
                 words: tuple[str, ...] = ()) -> bytes:
    """A proposal: every page has a heading, paragraphs and a table; every `photo_every`-th a
    photo. `target_bytes` pads with larger photos until the file is about that size.
    `words` are written on page 1 (for search tests)."""
    pdf = _Pdf()
    root, pages_obj, font = pdf.reserve(), pdf.reserve(), pdf.reserve()
    pdf.set(font, b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>")
    photo_pages = [n for n in range(pages) if photo_every and n % photo_every == 0]
    photo_bytes = 0
    if target_bytes and photo_pages:
        photo_bytes = max(0, target_bytes - 20_000 * pages) // len(photo_pages)
    kids = []
    for n in range(pages):
        ops = [b"BT /F1 18 Tf 56 780 Td (%s - halaman %d) Tj ET" % (_text(title), n + 1)]
        y = 750
        lines = list(words) if n == 0 else []
        lines += [PROSE[i:i + 90] for i in range(0, len(PROSE), 90)] * 3
        for line in lines:
            ops.append(b"BT /F1 10 Tf 56 %d Td (%s) Tj ET" % (y, _text(line)))
            y -= 14
        y -= 10
        for row in range(6):  # a table: grid lines and numbers
            top = y - row * 18
            ops.append(b"0.5 w 56 %d 480 18 re S" % (top - 18))
            for col in range(4):
                ops.append(b"BT /F1 9 Tf %d %d Td (%s) Tj ET"
                           % (62 + col * 120, top - 13, _text(f"Data {row}.{col}: {row * 7 + col}")))
        resources = b"/Font<</F1 %d 0 R>>" % font
        if n in photo_pages:
            side = photo_px
            data = noise_jpeg(side, side * 2 // 3, seed=n)
            if photo_bytes > len(data):  # bytes grow with the area: scale the side
                side = min(6000, int(side * (photo_bytes / len(data)) ** 0.5))
                data = noise_jpeg(side, side * 2 // 3, seed=n)
            image = pdf.add(b"<</Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace"
                            b"/DeviceRGB/BitsPerComponent 8/Filter/DCTDecode/Length %d>>\n"
                            b"stream\n" % (side, side * 2 // 3, len(data)) + data
                            + b"\nendstream")
            resources += b"/XObject<</Im1 %d 0 R>>" % image
            ops.append(b"q 300 0 0 200 150 %d cm /Im1 Do Q" % max(40, y - 340))
        content = pdf.stream(b"\n".join(ops))
        kids.append(pdf.add(b"<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Contents %d 0 R"
                            b"/Resources<<%s>>>>" % (pages_obj, content, resources)))
    pdf.set(pages_obj, b"<</Type/Pages/Count %d/Kids[%s]>>"
            % (len(kids), b" ".join(b"%d 0 R" % k for k in kids)))
    pdf.set(root, b"<</Type/Catalog/Pages %d 0 R>>" % pages_obj)
    return pdf.write(root)


def _single_page(media_box: bytes, content: bytes, resources: bytes = b"",
                 extra_objects: list[bytes] | None = None, compress: bool = True) -> bytes:
    pdf = _Pdf()
    root, pages_obj = pdf.reserve(), pdf.reserve()
    for body in extra_objects or []:
        pdf.add(body)
    stream = pdf.stream(content, compress=compress)
    page = pdf.add(b"<</Type/Page/Parent %d 0 R/MediaBox%s/Contents %d 0 R/Resources<<%s>>>>"
                   % (pages_obj, media_box, stream, resources))
    pdf.set(pages_obj, b"<</Type/Pages/Count 1/Kids[%d 0 R]>>" % page)
    pdf.set(root, b"<</Type/Catalog/Pages %d 0 R>>" % pages_obj)
    return pdf.write(root)


def huge_page_pdf() -> bytes:
    """One page of 14,400 × 14,400 points (200 inches: PDF's largest), filled."""
    return _single_page(b"[0 0 14400 14400]", b"0 0 1 rg 0 0 14400 14400 re f")


def bomb_pdf(unpacked_mb: int = 1024) -> bytes:
    """A content stream that inflates to `unpacked_mb` MB of drawing operators."""
    chunk = b"0 0 m 1 1 l S\n" * 4096
    comp = zlib.compressobj(9)
    body = bytearray()
    total = unpacked_mb * 2**20
    done = 0
    while done < total:
        body += comp.compress(chunk)
        done += len(chunk)
    body += comp.flush()
    pdf = _Pdf()
    root, pages_obj = pdf.reserve(), pdf.reserve()
    stream = pdf.add(b"<</Filter/FlateDecode/Length %d>>\nstream\n" % len(body) + bytes(body)
                     + b"\nendstream")
    page = pdf.add(b"<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Contents %d 0 R>>"
                   % (pages_obj, stream))
    pdf.set(pages_obj, b"<</Type/Pages/Count 1/Kids[%d 0 R]>>" % page)
    pdf.set(root, b"<</Type/Catalog/Pages %d 0 R>>" % pages_obj)
    return pdf.write(root)


def nested_pdf(depth: int = 100_000) -> bytes:
    """Arrays nested `depth` deep inside the page's content and its resources."""
    deep = b"[" * depth + b"]" * depth
    return _single_page(b"[0 0 595 842]", b"BT /F1 12 Tf 72 720 Td (x) Tj ET",
                        resources=b"/Nested " + deep)


def many_operators_pdf(repeats: int = 3_000_000) -> bytes:
    """A page that draws millions of tiny paths (slow to render, small to store)."""
    ops = b"".join(b"%d %d m %d %d l S\n" % (i % 500, i % 700, i % 500 + 1, i % 700 + 1)
                   for i in range(repeats))
    return _single_page(b"[0 0 595 842]", ops)


def encrypted_pdf() -> bytes:
    """A PDF under the standard security handler with a user password nobody knows."""
    pdf = _Pdf()
    root, pages_obj = pdf.reserve(), pdf.reserve()
    stream = pdf.stream(os.urandom(64), compress=False)
    page = pdf.add(b"<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Contents %d 0 R>>"
                   % (pages_obj, stream))
    pdf.set(pages_obj, b"<</Type/Pages/Count 1/Kids[%d 0 R]>>" % page)
    pdf.set(root, b"<</Type/Catalog/Pages %d 0 R>>" % pages_obj)
    o_value, u_value = os.urandom(32).hex().encode(), os.urandom(32).hex().encode()
    encrypt = pdf.add(b"<</Filter/Standard/V 2/R 3/Length 128/P -3904/O<%s>/U<%s>>>"
                      % (o_value, u_value))
    file_id = os.urandom(16).hex().encode()
    return pdf.write(root, b"/Encrypt %d 0 R/ID[<%s><%s>]" % (encrypt, file_id, file_id))


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
