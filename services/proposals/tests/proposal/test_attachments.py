import base64
import hashlib
import io
import struct
import uuid
import zipfile
import zlib

import pytest
from openpyxl import Workbook
from proposals.db import outbox
from proposals.proposal.attachments import MAX_BYTES
from proposals.proposal.attachments_router import content_disposition
from proposals.proposal.models import Attachment, AttachmentBlob
from proposals.proposal.versions import freeze
from sqlalchemy import func, select
from tex4im_common.identity import Role

from tests import factories

AUTHOR = "author-of-the-lead"


# -- tiny real files ------------------------------------------------------------------------------------------------


def tiny_pdf() -> bytes:
    """A one-page PDF with a valid cross-reference table."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def tiny_png() -> bytes:
    """A 1×1 white PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
            + chunk(b"IEND", b""))


def tiny_docx() -> bytes:
    """A Word document with one paragraph."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ))
        docx.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>'
        ))
        docx.writestr("word/document.xml", (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>Technical annex</w:t></w:r></w:p></w:body></w:document>"
        ))
    return buffer.getvalue()


def tiny_xlsx() -> bytes:
    workbook = Workbook()
    workbook.active.append(["item", "eur"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def tiny_odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as odt:
        odt.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        odt.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"This program cannot be run in DOS mode.\r\r\n$"


# -- the world ------------------------------------------------------------------------------------------------------


@pytest.fixture
async def world(session):
    call = await factories.call(session)
    lead = await factories.organisation(session, region="ITI1", name="Lanificio Rossi")
    partner = await factories.organisation(session, region="ES52", name="Tintes Valencia")
    proposal = await factories.proposal(session, call=call, lead=lead, partners=[partner])
    return {"call": call, "lead": lead, "partner": partner, "proposal": proposal}


@pytest.fixture
def people(identity_headers, world):
    return {
        "author": identity_headers(Role.member, organisation_id=world["lead"].id, subject=AUTHOR),
        "partner": identity_headers(Role.member, organisation_id=world["partner"].id, subject="partner-author"),
        "lead_manager": identity_headers(Role.cluster_manager, region="ITI1", subject="manager-iti1"),
        "partner_manager": identity_headers(Role.cluster_manager, region="ES52", subject="manager-es52"),
        "outsider": identity_headers(Role.member, organisation_id=uuid.uuid4(), subject="someone-else"),
        "admin": identity_headers(Role.consortium_admin, subject=factories.ADMIN_SUBJECT),
    }


@pytest.fixture
def upload(client, world, people):
    async def send(content: bytes, filename: str, *, kind: str = "technical_annex", who: str = "author",
                   declared: str = "application/octet-stream", headers: dict | None = None, proposal=None):
        proposal = proposal or world["proposal"]
        return await client.post(
            f"/proposals/{proposal.id}/attachments", files={"file": (filename, content, declared)},
            data={"kind": kind}, headers=(people[who] if who else {}) | (headers or {}),
        )

    return send


async def attachment_count(session, proposal_id) -> int:
    statement = select(func.count()).select_from(Attachment).where(Attachment.proposal_id == proposal_id)
    return await session.scalar(statement)


async def events(session, proposal_id):
    rows = await session.execute(select(outbox.table.c.type, outbox.table.c.payload)
                                 .where(outbox.table.c.aggregate_id == str(proposal_id))
                                 .order_by(outbox.table.c.position))
    return [(row.type, row.payload) for row in rows]


# -- the tests ------------------------------------------------------------------------------------------------------


class TestUpload:
    async def test_an_author_attaches_a_pdf(self, session, upload, world):
        content = tiny_pdf()
        response = await upload(content, "Technical annex.pdf")
        assert response.status_code == 201
        body = response.json()
        proposal_id = world["proposal"].id
        assert response.headers["location"] == f"/proposals/{proposal_id}/attachments/{body['id']}"
        assert {k: body[k] for k in ("proposal_id", "kind", "filename", "media_type", "size_bytes", "sha256",
                                     "uploaded_by", "removed_at", "content_url")} == {
            "proposal_id": str(proposal_id), "kind": "technical_annex", "filename": "Technical annex.pdf",
            "media_type": "application/pdf", "size_bytes": len(content), "sha256": hashlib.sha256(content).hexdigest(),
            "uploaded_by": AUTHOR, "removed_at": None,
            "content_url": f"/proposals/{proposal_id}/attachments/{body['id']}/content",
        }
        [(kind, payload)] = await events(session, proposal_id)
        assert kind == "proposal.attachment_added"
        assert (payload["attachment_id"], payload["sha256"], payload["media_type"]) == (
            body["id"], body["sha256"], "application/pdf",
        )

    @pytest.mark.parametrize(("build", "filename", "media_type"), [
        (tiny_png, "logo.png", "image/png"),
        (lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "photo.JPEG", "image/jpeg"),
        (tiny_docx, "annex.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (tiny_xlsx, "budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (tiny_odt, "letter.odt", "application/vnd.oasis.opendocument.text"),
        (lambda: b"item,eur\nTelai,120000\n", "budget.csv", "text/csv; charset=utf-8"),
        (lambda: "Lettera di sostegno – è così.".encode(), "letter.txt", "text/plain; charset=utf-8"),
    ])
    async def test_the_type_comes_from_the_content(self, upload, build, filename, media_type):
        response = await upload(build(), filename, declared="application/pdf")
        assert response.status_code == 201, response.json()
        assert (response.json()["media_type"], response.json()["filename"]) == (media_type, filename)

    async def test_a_name_without_extension_gets_the_detected_one_and_paths_are_dropped(self, upload):
        assert (await upload(tiny_png(), "logo")).json()["filename"] == "logo.png"
        assert (await upload(tiny_pdf(), "C:\\Users\\giulia\\..\\annex.pdf")).json()["filename"] == "annex.pdf"

    async def test_a_retried_upload_with_the_same_key_attaches_once(self, session, upload, world):
        key = {"Idempotency-Key": "upload-0001-annex"}
        first = await upload(tiny_pdf(), "annex.pdf", headers=key)
        again = await upload(tiny_pdf(), "annex.pdf", headers=key)
        assert (first.status_code, again.status_code) == (201, 201)
        assert again.json() == first.json()
        assert again.headers["idempotent-replayed"] == "true"
        assert await attachment_count(session, world["proposal"].id) == 1


class TestTypeDetection:
    async def test_a_png_named_pdf_is_refused_naming_what_it_is(self, session, upload, world):
        response = await upload(tiny_png(), "annex.pdf", declared="application/pdf")
        assert response.status_code == 422
        problem = response.json()
        assert problem["title"] == "File type not accepted"
        assert problem["detail"] == (
            "The file is named 'annex.pdf', but its content is a PNG image: rename it or attach the right file."
        )
        assert problem["errors"] == [{"field": "body.file", "message": ".pdf does not match a PNG image",
                                      "code": "extension_mismatch"}]
        assert await attachment_count(session, world["proposal"].id) == 0
        assert await events(session, world["proposal"].id) == []

    @pytest.mark.parametrize(("content", "filename", "found"), [
        (WINDOWS_EXE, "setup.exe", "a Windows executable"),
        (WINDOWS_EXE, "budget.pdf", "a Windows executable"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 9, "tool", "a Linux executable (ELF)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 24, "budget.xls",
         "a legacy Microsoft Office file (.doc/.xls/.ppt); save it as .docx/.xlsx/.pptx"),
        (b"GIF89a\x01\x00\x01\x00", "logo.gif", "a GIF image"),
        (b"\x00\x01\x02\x03binary", "data.bin", "binary data of an unknown type"),
    ])
    async def test_unknown_and_dangerous_types_are_refused(self, session, upload, world, content, filename, found):
        response = await upload(content, filename, declared="text/plain")
        assert response.status_code == 422
        assert response.json()["errors"] == [{"field": "body.file", "message": f"found {found}",
                                              "code": "type_not_accepted"}]
        assert await session.scalar(select(func.count()).select_from(AttachmentBlob).where(
            AttachmentBlob.sha256 == hashlib.sha256(content).hexdigest())) == 0

    async def test_a_zip_that_is_no_office_document_is_refused(self, upload):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("payload.exe", WINDOWS_EXE)
        response = await upload(buffer.getvalue(), "annex.docx")
        assert response.json()["errors"][0]["message"] == "found a zip archive"

    async def test_html_cannot_pass_as_text(self, upload):
        response = await upload(b"<script>alert(1)</script>", "page.html")
        assert response.json()["errors"][0]["code"] == "extension_mismatch"

    async def test_an_empty_file_is_refused(self, upload):
        response = await upload(b"", "annex.pdf")
        assert response.status_code == 422
        assert response.json()["errors"][0]["message"] == "found an empty file"


class TestSizeLimit:
    async def test_a_file_over_20_mb_is_refused_with_413(self, session, upload, world):
        response = await upload(b"%PDF-1.4\n" + b"0" * (MAX_BYTES - 8), "huge.pdf")
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["title"] == "Attachment too large"
        assert response.json()["detail"] == "The file is larger than 20 MB; attach a smaller one."
        assert await attachment_count(session, world["proposal"].id) == 0

    async def test_a_file_of_exactly_20_mb_is_accepted(self, upload):
        response = await upload(b"%PDF-1.4\n" + b"0" * (MAX_BYTES - 9), "big.pdf")
        assert (response.status_code, response.json()["size_bytes"]) == (201, MAX_BYTES)


class TestStoredOnce:
    async def test_the_same_bytes_in_two_proposals_are_stored_once(self, session, upload, world):
        other = await factories.proposal(session, call=world["call"], lead=world["lead"])
        content = tiny_pdf()
        first = await upload(content, "annex.pdf")
        second = await upload(content, "same-annex.pdf", proposal=other)
        assert (first.status_code, second.status_code) == (201, 201)
        assert first.json()["sha256"] == second.json()["sha256"]
        assert await session.scalar(select(func.count()).select_from(AttachmentBlob).where(
            AttachmentBlob.sha256 == hashlib.sha256(content).hexdigest())) == 1

    async def test_the_same_file_twice_in_one_proposal_is_a_conflict(self, upload):
        first = await upload(tiny_pdf(), "annex.pdf")
        again = await upload(tiny_pdf(), "annex (1).pdf")
        assert again.status_code == 409
        assert again.json()["detail"] == "This file is already attached as 'annex.pdf'."
        assert again.json()["attachment_id"] == first.json()["id"]


class TestDownload:
    async def test_the_bytes_come_back_with_safe_headers(self, client, upload, world, people):
        content = tiny_pdf()
        created = (await upload(content, "Übersicht; budget €.pdf")).json()
        response = await client.get(created["content_url"], headers=people["partner"])
        assert response.status_code == 200
        assert response.content == content
        digest = base64.b64encode(hashlib.sha256(content).digest()).decode()
        assert response.headers["content-type"] == "application/pdf"
        assert response.headers["content-disposition"] == (
            "attachment; filename=\"Ubersicht_ budget .pdf\"; "
            "filename*=UTF-8''%C3%9Cbersicht%3B%20budget%20%E2%82%AC.pdf"
        )
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["etag"] == f'"{created["sha256"]}"'
        assert response.headers["repr-digest"] == f"sha-256=:{digest}:"
        assert response.headers["digest"] == f"SHA-256={digest}"

    def test_quotes_and_control_characters_never_reach_the_header(self):
        assert content_disposition('Costi "2027"\r\n.pdf') == (
            "attachment; filename=\"Costi _2027___.pdf\"; filename*=UTF-8''Costi%20%222027%22%0D%0A.pdf"
        )

    async def test_an_unchanged_file_is_not_sent_again(self, client, upload, people):
        created = (await upload(tiny_png(), "logo.png")).json()
        response = await client.get(created["content_url"],
                                    headers=people["author"] | {"If-None-Match": f'"{created["sha256"]}"'})
        assert (response.status_code, response.content) == (304, b"")
        assert response.headers["etag"] == f'"{created["sha256"]}"'
        other = await client.get(created["content_url"], headers=people["author"] | {"If-None-Match": '"0abc"'})
        assert (other.status_code, other.content) == (200, tiny_png())

    async def test_people_who_may_not_read_the_proposal_cannot_download(self, client, upload, people):
        created = (await upload(tiny_png(), "logo.png")).json()
        for who in ("outsider", "partner_manager"):  # a draft stays with its authors and the lead's managers
            assert (await client.get(created["content_url"], headers=people[who])).status_code == 404
        assert (await client.get(created["content_url"], headers=people["lead_manager"])).status_code == 200

    async def test_an_attachment_of_another_proposal_is_not_found(self, session, client, upload, world, people):
        created = (await upload(tiny_png(), "logo.png")).json()
        other = await factories.proposal(session, call=world["call"], lead=world["lead"])
        response = await client.get(f"/proposals/{other.id}/attachments/{created['id']}/content",
                                    headers=people["author"])
        assert response.status_code == 404


class TestRemove:
    async def test_removing_hides_the_file_from_the_working_copy(self, session, client, upload, world, people):
        created = (await upload(tiny_png(), "logo.png")).json()
        url = f"/proposals/{world['proposal'].id}/attachments"
        assert (await client.delete(f"{url}/{created['id']}", headers=people["author"])).status_code == 204
        assert (await client.get(url, headers=people["author"])).json()["items"] == []
        [listed] = (await client.get(url, params={"include_removed": True}, headers=people["author"])).json()["items"]
        assert listed["removed_at"] is not None
        # never submitted: nobody needs it any more
        assert (await client.get(created["content_url"], headers=people["author"])).status_code == 404
        assert [kind for kind, _ in await events(session, world["proposal"].id)] == [
            "proposal.attachment_added", "proposal.attachment_removed",
        ]

    async def test_removing_twice_changes_nothing(self, session, client, upload, world, people):
        created = (await upload(tiny_png(), "logo.png")).json()
        url = f"/proposals/{world['proposal'].id}/attachments/{created['id']}"
        await client.delete(url, headers=people["author"])
        assert (await client.delete(url, headers=people["author"])).status_code == 204
        assert len(await events(session, world["proposal"].id)) == 2

    async def test_a_removed_file_named_by_a_version_stays_downloadable(self, session, client, world, people):
        proposal = world["proposal"]
        annex = await factories.attachment(session, proposal=proposal, content=tiny_pdf(), filename="annex.pdf",
                                           media_type="application/pdf")
        await freeze(session, proposal=proposal, actor=AUTHOR, actor_name=None)
        url = f"/proposals/{proposal.id}/attachments/{annex.id}"
        assert (await client.delete(url, headers=people["author"])).status_code == 204
        response = await client.get(f"{url}/content", headers=people["partner"])
        assert (response.status_code, response.content) == (200, tiny_pdf())


class TestWhoMayChangeAttachments:
    async def test_only_co_authors_and_the_admin_attach_while_the_proposal_is_editable(self, upload, world):
        assert (await upload(tiny_png(), "a.png", who="partner")).status_code == 201
        assert (await upload(tiny_pdf(), "b.pdf", who="admin")).status_code == 201
        refused = await upload(tiny_docx(), "c.docx", who="lead_manager")
        assert (refused.status_code, refused.json()["detail"]) == (
            403, f"Only the co-authors of proposal {world['proposal'].reference} and the admin may add attachments.",
        )
        assert (await upload(tiny_docx(), "c.docx", who="outsider")).status_code == 404
        assert (await upload(tiny_docx(), "c.docx", who=None)).status_code == 401

    async def test_nothing_changes_once_the_proposal_is_submitted(self, session, client, upload, world, people):
        annex = await factories.attachment(session, proposal=world["proposal"])
        world["proposal"].stage = "submitted"
        await session.flush()
        refused = await upload(tiny_png(), "logo.png")
        assert (refused.status_code, refused.json()["title"]) == (
            409, "The proposal cannot be changed in its current stage",
        )
        response = await client.delete(f"/proposals/{world['proposal'].id}/attachments/{annex.id}",
                                       headers=people["author"])
        assert response.status_code == 409
        await session.refresh(annex)
        assert annex.removed_at is None

    async def test_an_unknown_kind_is_named(self, upload):
        response = await upload(tiny_png(), "logo.png", kind="selfie")
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["body.kind"]
