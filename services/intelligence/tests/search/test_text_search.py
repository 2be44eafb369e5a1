import pytest
from intelligence.opportunity.models import Opportunity
from intelligence.search.text_query import CLOSING_SOON_BOOST, TextQuery
from sqlalchemy import select, text
from sqlalchemy.dialects import postgresql
from tests.search.builders import add, days_ago, days_from_today, opportunity, organisation


def titles(body):
    return [i["title"] for i in body["items"]]


async def multilingual_data_set(session):
    await add(
        session,
        opportunity(title="Tessuti riciclati per la moda", summary="Cerchiamo partner a Prato.", language="it"),
        opportunity(title="Tecidos reciclados de algodão", summary="Procuramos parceiros no Norte.", language="pt"),
        opportunity(title="Recycling of post-consumer textiles", summary="Sorting lines wanted.", language="en"),
        opportunity(title="Digital printing on silk", summary="A Como printer seeks designers.", language="en"),
    )


class TestMultilingualStemming:
    @pytest.mark.parametrize(
        ("words", "found"),
        [
            ("riciclato", ["Tessuti riciclati per la moda"]),
            ("tessuto", ["Tessuti riciclati per la moda"]),
            ("reciclado", ["Tecidos reciclados de algodão"]),
            ("tecido", ["Tecidos reciclados de algodão"]),
            ("recycled", ["Recycling of post-consumer textiles"]),
            ("printers", ["Digital printing on silk"]),
        ],
    )
    async def test_a_word_finds_its_stem_in_records_of_that_language(self, client, session, words, found):
        await multilingual_data_set(session)
        body = (await client.get("/search/opportunities", params={"q": words})).json()
        assert titles(body) == found
        assert body["total"] == len(found)

    async def test_web_syntax_combines_words_in_any_language(self, client, session):
        await multilingual_data_set(session)
        body = (await client.get("/search/opportunities", params={"q": "riciclati OR reciclados"})).json()
        assert sorted(titles(body)) == ["Tecidos reciclados de algodão", "Tessuti riciclati per la moda"]
        body = (await client.get("/search/opportunities", params={"q": "silk -digital"})).json()
        assert titles(body) == []

    async def test_an_organisation_is_found_by_a_stemmed_capability(self, client, session):
        await add(
            session,
            organisation(name="Malhas do Ave", capabilities=["malhas técnicas recicladas"], language="pt"),
            organisation(name="Lanificio Biella", description="Filati di lana pettinata.", language="it"),
        )
        body = (await client.get("/search/organisations", params={"q": "reciclada"})).json()
        assert [i["name"] for i in body["items"]] == ["Malhas do Ave"]
        body = (await client.get("/search/organisations", params={"q": "filato"})).json()
        assert [i["name"] for i in body["items"]] == ["Lanificio Biella"]


class TestRanking:
    async def test_a_title_match_ranks_above_a_summary_match(self, client, session):
        await add(
            session,
            opportunity(title="Denim mill seeks partners", summary="We work with recycled cotton."),
            opportunity(title="Recycled denim", summary="A mill in Guimarães."),
        )
        body = (await client.get("/search/opportunities", params={"q": "recycled"})).json()
        assert titles(body) == ["Recycled denim", "Denim mill seeks partners"]
        assert body["items"][0]["rank"] > body["items"][1]["rank"] > 0

    async def test_boosts_reorder_equals_but_never_overturn_a_title_match(self, client, session):
        await add(
            session,
            opportunity(title="Recycled yarns", summary="Spinning mill."),
            opportunity(title="Recycled yarns", summary="Spinning mill.", deadline=days_from_today(10)),
            opportunity(title="Spinning mill", summary="Recycled yarns.", deadline=days_from_today(3),
                        created_at=days_ago(1)),
        )
        body = (await client.get("/search/opportunities", params={"q": "recycled"})).json()
        deadlines = [i["deadline"] for i in body["items"]]
        assert titles(body) == ["Recycled yarns", "Recycled yarns", "Spinning mill"]
        assert deadlines[:2] == [days_from_today(10).isoformat(), None]
        assert body["items"][0]["rank"] - body["items"][1]["rank"] == pytest.approx(CLOSING_SOON_BOOST, abs=1e-6)

    async def test_organisations_rank_a_name_match_first(self, client, session):
        await add(
            session,
            organisation(name="Tinturaria Norte", description="Dyeing of knitted fabrics."),
            organisation(name="Knitted Fabrics Lda", description="Circular knitting."),
        )
        body = (await client.get("/search/organisations", params={"q": "knitted"})).json()
        assert [i["name"] for i in body["items"]] == ["Knitted Fabrics Lda", "Tinturaria Norte"]


class TestIndexUse:
    async def test_the_words_are_matched_through_the_gin_index(self, session):
        """On a table this small a scan is cheaper; forbidding it shows the condition is one the index answers."""
        await add(session, *(opportunity(title=f"Loom number {n}", summary="Jacquard weaving.") for n in range(300)))
        await session.execute(text("SELECT gin_clean_pending_list('intelligence.ix_opportunity_search_vector')"))
        await session.execute(text("SET LOCAL enable_seqscan = off"))
        statement = select(Opportunity.id).where(TextQuery("jacquard loom 17").matches(Opportunity.search_vector))
        sql = str(statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))
        connection = await session.connection()
        plan = "\n".join(row[0] for row in (await connection.exec_driver_sql("EXPLAIN " + sql)).all())
        assert "Bitmap Index Scan on ix_opportunity_search_vector" in plan
        found = (await session.execute(statement)).scalars().all()
        assert len(found) == 1
