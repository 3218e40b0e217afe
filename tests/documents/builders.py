"""Documents built in code for the tests: PDFs (with text, scanned-only, encrypted), Word files,
and emails carrying them. Nothing is downloaded or copied in."""

from __future__ import annotations

import io
import zlib
from email.message import EmailMessage

PNG_HEAD = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(17)


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF whose object n (1-based) is ``objects[n - 1]``, object 1 the catalog."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    out.write(trailer % (len(objects) + 1, xref))
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf(pages: list[list[str]]) -> bytes:
    """A PDF with a text layer: each page shows its lines in Helvetica."""
    page_numbers = [3 + 2 * n for n in range(len(pages))]
    font = 3 + 2 * len(pages)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % n for n in page_numbers), len(pages)),
    ]
    for n, lines in enumerate(pages):
        ops = [b"BT /F1 11 Tf 14 TL 72 760 Td"]
        ops += [b"(%s) Tj T*" % _escape(line).encode("latin-1") for line in lines]
        ops.append(b"ET")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
            % (font, page_numbers[n] + 1)
        )
        objects.append(_stream(b"\n".join(ops)))
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    return _pdf(objects)


def scanned_pdf() -> bytes:
    """A one-page PDF that only paints an image: what a scanner makes, with no text layer."""
    pixels = zlib.compress(bytes(range(0, 256, 4)) * 64)
    image = _stream(
        pixels,
        b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode ",
    )
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
            _stream(b"q 468 0 0 600 72 100 cm /Im1 Do Q"),
            image,
        ]
    )


def encrypted_pdf(data: bytes, *, password: str = "s3cret") -> bytes:
    """``data`` (a PDF) locked with a user password (empty: opens without one)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_file(paragraphs: list[str], *, table: list[list[str]] | None = None) -> bytes:
    """A Word document with these paragraphs, then an optional table."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def email_with_attachments(body: str | None, attachments: list[tuple[str, str, bytes]]) -> bytes:
    """An email with a text body (or none) and ``(filename, mime type, data)`` attachments."""
    message = EmailMessage()
    message["From"] = "Talent Team <talent@example.org>"
    message["To"] = "sam@example.net"
    message["Subject"] = "Your application"
    message["Date"] = "Tue, 02 Apr 2024 09:30:00 +0000"
    message["Message-ID"] = "<letter-1@example.org>"
    if body is not None:
        message.set_content(body)
    for filename, mime, data in attachments:
        maintype, subtype = mime.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()
