from intelligence.cluster.models import Cluster
from intelligence.organisation.models import organisation_cluster
from sqlalchemy import insert, select
from tests.search.builders import add, organisation
from tex4im_common.identity import Role


def facet(body, name):
    return [(f["value"], f["count"]) for f in body["facets"][name]]


def names(body):
    return [i["name"] for i in body["items"]]


async def constructed_registry(session):
    first = organisation(name="Alfa Malhas", region_code="PT11", country_code="PT", size_class="small",
                         priorities=["circular_economy"], nace_codes=["C13.91"], value_chain=["fabric"])
    merged_into = organisation(name="Beta Fios", region_code="PT11", country_code="PT", size_class="medium",
                               priorities=["circular_economy", "industry_4_0"], nace_codes=["C13.10"],
                               value_chain=["yarn"])
    await add(
        session,
        first,
        merged_into,
        organisation(name="Gamma Tessile", region_code="ITI1", country_code="IT", language="it", size_class="small",
                     kind="rnd_centre", priorities=["advanced_materials"], nace_codes=["M72.19"]),
        organisation(name="Delta Confección", region_code="ES52", country_code="ES", size_class="micro",
                     priorities=["creativity"], nace_codes=["C14.13"], value_chain=["garment"]),
        organisation(name="Epsilon Secret", region_code="PT11", country_code="PT", visibility="consortium",
                     size_class="large", priorities=["industry_4_0"]),
    )
    await add(session, organisation(name="Beta Fios (old)", region_code="PT11", merged_into_id=merged_into.id,
                                    priorities=["circular_economy"]))
    return first


class TestOrganisationSearch:
    async def test_anonymous_counts_every_facet_exactly_without_merged_or_consortium_records(self, client, session):
        await constructed_registry(session)
        body = (await client.get("/search/organisations")).json()
        assert names(body) == ["Alfa Malhas", "Beta Fios", "Delta Confección", "Gamma Tessile"]
        assert body["total"] == 4
        assert facet(body, "region") == [("PT11", 2), ("ES52", 1), ("ITI1", 1)]
        assert facet(body, "country") == [("PT", 2), ("ES", 1), ("IT", 1)]
        assert facet(body, "kind") == [("company", 3), ("rnd_centre", 1)]
        assert facet(body, "priority") == [
            ("circular_economy", 2), ("advanced_materials", 1), ("creativity", 1), ("industry_4_0", 1)
        ]
        assert facet(body, "nace") == [("C13", 2), ("C14", 1), ("M72", 1)]
        assert facet(body, "size_class") == [("small", 2), ("medium", 1), ("micro", 1)]

    async def test_facets_are_disjunctive(self, client, session):
        await constructed_registry(session)
        body = (await client.get("/search/organisations", params={"size_class": "small"})).json()
        assert names(body) == ["Alfa Malhas", "Gamma Tessile"]
        assert facet(body, "size_class") == [("small", 2), ("medium", 1), ("micro", 1)]
        assert facet(body, "region") == [("ITI1", 1), ("PT11", 1)]

    async def test_members_of_the_partnership_see_consortium_records(self, client, session, identity_headers):
        await constructed_registry(session)
        body = (await client.get("/search/organisations", headers=identity_headers(Role.member))).json()
        assert body["total"] == 5
        assert ("large", 1) in facet(body, "size_class")

    async def test_value_chain_and_nace_filters(self, client, session):
        await constructed_registry(session)
        body = (await client.get("/search/organisations", params={"value_chain": ["yarn", "garment"]})).json()
        assert names(body) == ["Beta Fios", "Delta Confección"]
        body = (await client.get("/search/organisations", params={"nace": "C13"})).json()
        assert names(body) == ["Alfa Malhas", "Beta Fios"]

    async def test_cluster_members_only(self, client, session):
        first = await constructed_registry(session)
        citeve = (await session.scalars(select(Cluster.id).where(Cluster.acronym == "CITEVE"))).one()
        await session.execute(insert(organisation_cluster).values(organisation_id=first.id, cluster_id=citeve))
        body = (await client.get("/search/organisations", params={"cluster_id": str(citeve)})).json()
        assert names(body) == ["Alfa Malhas"]

    async def test_an_item_carries_its_profile_but_never_its_contacts(self, client, session):
        await add(session, organisation(name="Zeta Têxteis", city="Braga", lon=-8.42, lat=41.55,
                                        description="Technical textiles. " * 30, website="https://zeta.example"))
        item = (await client.get("/search/organisations")).json()["items"][0]
        assert set(item) == {
            "type", "id", "kind", "name", "description", "country_code", "region_code", "city", "priorities",
            "nace_codes", "size_class", "value_chain", "website", "visibility", "lon", "lat", "rank", "created_at",
        }
        assert (item["city"], item["lon"], item["lat"], item["rank"]) == ("Braga", -8.42, 41.55, None)
        assert item["description"] == "Technical textiles. " * 11 + "Technical…"
