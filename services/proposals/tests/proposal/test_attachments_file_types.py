import io
import zipfile

import pytest
from proposals.errors import AttachmentTypeRefused
from proposals.proposal import file_types
from proposals.proposal.attachments import checked_type_and_name


def office_package(main_part_type: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Override PartName="/main.xml" ContentType="{main_part_type}"/></Types>'
        ))
        package.writestr("main.xml", "<document/>")
    return buffer.getvalue()


def open_document(mimetype: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), mimetype)
    return buffer.getvalue()


class TestDetection:
    @pytest.mark.parametrize(("content", "expected"), [
        (office_package("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
         file_types.PPTX),
        (open_document("application/vnd.oasis.opendocument.spreadsheet"), file_types.ODS),
        (b"\xef\xbb\xbfRegione;Budget\r\nToscana;1200\r\n", file_types.TEXT),
        (b"garbage before %PDF-1.7 header", file_types.PDF),
    ])
    def test_accepted_types_are_recognised(self, content, expected):
        assert file_types.detect(content).type is expected

    @pytest.mark.parametrize(("content", "found"), [
        (office_package("application/vnd.ms-word.document.macroEnabled.main+xml"),
         "a macro-enabled Word document (.docm)"),
        (office_package("application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
         "a macro-enabled Excel workbook (.xlsm)"),
        (open_document("application/vnd.oasis.opendocument.presentation"),
         "an OpenDocument file of a type we do not accept"),
        (b"PK\x03\x04 truncated", "a damaged zip archive"),
        (b"Budget\x00hidden", "binary data of an unknown type"),
        (b"\xff\xfeB\x00u\x00", "binary data of an unknown type"),  # UTF-16 is not UTF-8 text
    ])
    def test_refused_types_are_named(self, content, found):
        detection = file_types.detect(content)
        assert (detection.type, detection.found) == (None, found)


class TestNames:
    def test_text_is_csv_when_named_so(self):
        file_type, name = checked_type_and_name(b"a,b\n1,2\n", "Budget.CSV")
        assert (file_type.media_type, name) == ("text/csv; charset=utf-8", "Budget.CSV")

    def test_control_characters_and_surrounding_dots_are_dropped(self):
        assert checked_type_and_name(b"%PDF-1.4", " ..annex\u0000\u202e.pdf. ")[1] == "annex.pdf"

    def test_a_long_name_keeps_its_extension(self):
        _, name = checked_type_and_name(b"%PDF-1.4", "a" * 300 + ".pdf")
        assert (len(name), name[-8:]) == (255, "aaaa.pdf")

    def test_an_xlsx_named_docx_is_refused(self):
        content = office_package("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
        with pytest.raises(AttachmentTypeRefused) as refused:
            checked_type_and_name(content, "annex.docx")
        assert refused.value.detail == (
            "The file is named 'annex.docx', but its content is an Excel workbook: rename it or attach the right file."
        )
