"""What a file really is, decided by its bytes (magic numbers, the parts inside a zip), never by what the client says.

The accepted types are the ones evaluators can open safely: PDF, PNG, JPEG, Office Open XML documents
(Word, Excel, PowerPoint), OpenDocument text and spreadsheets, and UTF-8 text (plain or CSV). Anything else is
named (an executable, a legacy Office file, a macro-enabled document...) so the refusal says what was found.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

# control characters other than tab, line feed, form feed and carriage return never occur in text
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_PART_BYTES = 1_000_000  # [Content_Types].xml or mimetype larger than this is not an office document


@dataclass(frozen=True)
class FileType:
    """An accepted type: its media type, a readable name and the extensions a file of it may carry."""

    media_type: str
    name: str
    extensions: tuple[str, ...]

    @property
    def extension(self) -> str:
        return self.extensions[0]


PDF = FileType("application/pdf", "a PDF document", ("pdf",))
PNG = FileType("image/png", "a PNG image", ("png",))
JPEG = FileType("image/jpeg", "a JPEG image", ("jpg", "jpeg"))
DOCX = FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document",
                ("docx",))
XLSX = FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook", ("xlsx",))
PPTX = FileType("application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "a PowerPoint presentation", ("pptx",))
ODT = FileType("application/vnd.oasis.opendocument.text", "an OpenDocument text", ("odt",))
ODS = FileType("application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet", ("ods",))
CSV = FileType("text/csv; charset=utf-8", "a CSV file (UTF-8 text)", ("csv",))
TEXT = FileType("text/plain; charset=utf-8", "plain UTF-8 text", ("txt", "text"))

ACCEPTED = (PDF, PNG, JPEG, DOCX, XLSX, PPTX, ODT, ODS, CSV, TEXT)

# the main part's content type in [Content_Types].xml decides which Office Open XML document a zip is
_OOXML_MAIN_PARTS = {
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": PPTX,
}
_OOXML_REFUSED_PARTS = {
    b"application/vnd.ms-word.document.macroEnabled.main+xml": "a macro-enabled Word document (.docm)",
    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml": "a macro-enabled Excel workbook (.xlsm)",
    b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml":
        "a macro-enabled PowerPoint presentation (.pptm)",
    b"application/vnd.ms-excel.sheet.binary.macroEnabled.main": "a binary Excel workbook (.xlsb)",
}
_ODF_TYPES = {b"application/vnd.oasis.opendocument.text": ODT,
              b"application/vnd.oasis.opendocument.spreadsheet": ODS}

# signatures of types we refuse, so the refusal can name them
_REFUSED_SIGNATURES = (
    (b"MZ", "a Windows executable"),
    (b"\x7fELF", "a Linux executable (ELF)"),
    (b"\xcf\xfa\xed\xfe", "a macOS executable (Mach-O)"),
    (b"\xce\xfa\xed\xfe", "a macOS executable (Mach-O)"),
    (b"\xca\xfe\xba\xbe", "a macOS universal binary or Java class file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
     "a legacy Microsoft Office file (.doc/.xls/.ppt); save it as .docx/.xlsx/.pptx"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"{\\rtf", "an RTF document"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)


@dataclass(frozen=True)
class Detection:
    """What the bytes are: an accepted `type`, or only a description of what was `found`."""

    found: str
    type: FileType | None = None


def detect(content: bytes) -> Detection:
    """Decide the type of `content` from its bytes alone."""
    if not content:
        return Detection("an empty file")
    if b"%PDF-" in content[:1024]:
        return Detection(PDF.name, PDF)
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return Detection(PNG.name, PNG)
    if content.startswith(b"\xff\xd8\xff"):
        return Detection(JPEG.name, JPEG)
    if content.startswith(b"PK\x03\x04"):
        return _detect_zip(content)
    for signature, found in _REFUSED_SIGNATURES:
        if content.startswith(signature):
            return Detection(found)
    if content.startswith(b"RIFF") and content[8:12] == b"WEBP":
        return Detection("a WebP image")
    if _is_text(content):
        return Detection(TEXT.name, TEXT)
    return Detection("binary data of an unknown type")


def _detect_zip(content: bytes) -> Detection:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        names = set(archive.namelist())
        if "mimetype" in names:
            info = archive.getinfo("mimetype")
            if info.file_size <= _MAX_PART_BYTES:
                odf = _ODF_TYPES.get(archive.read(info).strip())
                if odf is not None:
                    return Detection(odf.name, odf)
            return Detection("an OpenDocument file of a type we do not accept")
        if "[Content_Types].xml" in names:
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > _MAX_PART_BYTES:
                return Detection("a zip archive with an oversized [Content_Types].xml part")
            parts = archive.read(info)
            for marker, found in _OOXML_REFUSED_PARTS.items():
                if marker in parts:
                    return Detection(found)
            for marker, file_type in _OOXML_MAIN_PARTS.items():
                if marker in parts:
                    return Detection(file_type.name, file_type)
            return Detection("an Office Open XML package of a type we do not accept")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError, EOFError):
        return Detection("a damaged zip archive")
    return Detection("a zip archive")


def _is_text(content: bytes) -> bool:
    """UTF-8 (a BOM allowed) without NUL or other control characters than tab, line and page breaks."""
    if _CONTROL_BYTES.search(content):
        return False
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def type_for_text(extension: str | None) -> FileType:
    """UTF-8 text is served as CSV when it is named .csv, else as plain text."""
    return CSV if extension == "csv" else TEXT
