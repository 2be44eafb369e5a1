from decimal import Decimal
from pathlib import Path

import pytest
from intelligence.opportunity.adapters.base import FeedUnreadable, ImportContext
from intelligence.opportunity.adapters.csv_template import parse

FIXTURES = Path(__file__).parents[1] / "fixtures"
NORTE = ImportContext("PT11")


def problems(candidate):
    return [(p.field, p.message) for p in candidate.problems]


class TestTemplateRows:
    def test_reads_every_column_of_a_full_row(self):
        first = parse((FIXTURES / "opportunities.csv").read_bytes(), NORTE)[0]
        assert first.item == 1
        assert first.problems == []
        assert first.data == {
            "kind": "technology_offer",
            "title": "Recycled polyester yarn from PET bottles",
            "summary": "Spinning mill in Guimarães offers recycled polyester yarns, GRS certified",
            "language": "pt",
            "priorities": ["circular_economy", "advanced_materials"],
            "region_codes": ["PT11", "ITI1"],
            "nace_codes": ["C13.10", "C13.20"],
            "value_chain": ["yarn", "fabric"],
            "point": {"lon": Decimal("-8.296"), "lat": Decimal("41.444")},
            "deadline": "2030-06-30",
            "budget_eur": Decimal("250000.00"),
            "source": "CITEVE",
            "source_ref": "CIT-2030-001",
            "link": "https://www.citeve.pt/opportunities/001",
            "status": "open",
            "visibility": "public",
        }

    def test_empty_cells_clear_optional_fields_and_leave_defaults_to_the_record(self):
        second = parse((FIXTURES / "opportunities.csv").read_bytes(), NORTE)[1]
        assert second.data == {
            "kind": "event", "title": "Biella wool week B2B sessions",
            "summary": "B2B meetings between wool spinners and designers", "priorities": ["creativity"],
            "region_codes": ["ITC1"], "nace_codes": [], "value_chain": [], "point": None, "deadline": "2030-05-12",
            "budget_eur": None, "source": "CITEVE", "source_ref": "CIT-2030-002", "link": None, "status": "draft",
            "visibility": "consortium",
        }

    def test_a_date_not_written_yyyy_mm_dd_is_a_problem_of_its_column(self):
        rows = parse((FIXTURES / "opportunities.csv").read_bytes(), NORTE)
        assert [(r.item, problems(r)) for r in rows if r.problems] == [
            (4, [("deadline", "'30/06/2030' is not a date written YYYY-MM-DD")]),
        ]
        assert [r.item for r in rows] == [1, 2, 3, 4, 5, 6]

    def test_semicolons_a_byte_order_mark_and_blank_rows(self):
        rows = parse((FIXTURES / "opportunities_semicolon.csv").read_bytes(), NORTE)
        assert [(r.item, r.data["kind"], r.data["source_ref"], r.data.get("budget_eur")) for r in rows] == [
            (1, "funding_call", "N2030-TX-01", Decimal("1000000")),
            (4, "tender", "N2030-TX-02", None),
        ]
        assert rows[0].data["summary"] == "Regional innovation vouchers, 5,000 EUR each"

    def test_missing_cells_half_a_point_and_bad_numbers(self):
        content = (
            b"kind,title,summary,region_codes,source,source_ref,lon,lat,budget_eur\n"
            b"rnd,,Text,PT11,X,1,-8.2,,12.000,50\n"
            b"rnd,Title,Text,PT11,X,2,west,41.1,1 000\n"
        )
        first, second = parse(content, NORTE)
        assert problems(first) == [("row", "has 10 cells where the header names 9 columns")]
        assert problems(second) == [
            ("budget_eur", "'1 000' is not a number (use a point for decimals, no thousands separator)"),
            ("lon", "'west' is not a number (use a point for decimals, no thousands separator)"),
        ]
        third = parse(b"kind,title,summary,region_codes,source,source_ref,lon,lat\nrnd,,T,PT11,X,3,-8.2,\n", NORTE)[0]
        assert problems(third) == [("title", "required"), ("lat", "give both lon and lat, or neither")]


class TestUnreadableFiles:
    @pytest.mark.parametrize(("content", "message"), [
        (b"", "The file is empty: the first row must name the template's columns."),
        (b"kind,title,summary,region_codes,source,source_ref,colour\n",
         "Unknown columns: colour. The template's columns are kind, title, summary, language, priorities, "
         "region_codes, nace_codes, value_chain, lon, lat, deadline, budget_eur, source, source_ref, link, status, "
         "visibility."),
        (b"kind,title,summary\n", "Missing required columns: region_codes, source, source_ref."),
        (b"kind,title,summary,region_codes,source,source_ref,title\n", "Columns named more than once: title."),
        ("kind;title\nrnd;Caf\u00e9".encode("latin-1"), "The file is not UTF-8 text (byte 18 cannot be read)."),
    ])
    def test_the_whole_file_is_refused_with_the_reason(self, content, message):
        with pytest.raises(FeedUnreadable) as refused:
            parse(content, NORTE)
        assert str(refused.value) == message
