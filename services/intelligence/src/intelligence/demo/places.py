"""The eight regions as the demo data set sees them: real textile towns, languages, surnames, legal forms."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Town:
    name: str
    lon: float
    lat: float
    weight: int  # how many of the region's demo records sit here, relatively
    radius_km: float = 4.0  # smaller on the coast, so jittered points stay on land
    specialities: tuple[str, ...] = ()  # activities the town is known for (see organisations.ACTIVITIES)


@dataclass(frozen=True)
class DemoRegion:
    code: str
    name: str
    country_code: str
    language: str
    towns: tuple[Town, ...]
    activities: dict[str, int]  # activity -> weight among the region's companies
    surnames: tuple[str, ...]
    legal_forms: tuple[str, ...]


REGIONS: tuple[DemoRegion, ...] = (
    DemoRegion(
        "ITI1", "Toscana", "IT", "it",
        (Town("Prato", 11.097, 43.880, 6, specialities=("wool_mill", "recycling")),
         Town("Montemurlo", 11.038, 43.927, 2, specialities=("wool_mill", "weaving")),
         Town("Firenze", 11.255, 43.770, 3, specialities=("leather", "apparel")),
         Town("Empoli", 10.948, 43.719, 2, specialities=("apparel", "knitting")),
         Town("Lucca", 10.503, 43.843, 2, specialities=("nonwovens", "technical"))),
        {"wool_mill": 4, "spinning": 2, "weaving": 3, "finishing": 3, "recycling": 3, "knitting": 2, "apparel": 3,
         "leather": 2, "printing": 1, "nonwovens": 1, "technical": 1},
        ("Bianchi", "Bardazzi", "Cecchi", "Gori", "Mazzoni", "Sarti", "Vannucci", "Giusti", "Pieri", "Tempesti",
         "Lenzi", "Nesti"),
        ("S.r.l.", "S.r.l.", "S.p.A.", "S.n.c."),
    ),
    DemoRegion(
        "ITC1", "Piemonte", "IT", "it",
        (Town("Biella", 8.052, 45.566, 6, specialities=("wool_mill", "spinning")),
         Town("Cossato", 8.176, 45.571, 2, specialities=("wool_mill", "finishing")),
         Town("Torino", 7.686, 45.070, 3, specialities=("smart", "apparel")),
         Town("Novara", 8.622, 45.446, 2, specialities=("technical", "nonwovens"))),
        {"wool_mill": 5, "spinning": 3, "weaving": 3, "finishing": 3, "technical": 2, "knitting": 2, "apparel": 2,
         "smart": 1, "nonwovens": 1, "printing": 1},
        ("Bertolino", "Cravero", "Gallo", "Rosso", "Bonino", "Ghiglione", "Perotti", "Botta", "Viale", "Colombo",
         "Ramella", "Maffeo"),
        ("S.r.l.", "S.r.l.", "S.p.A.", "S.a.s."),
    ),
    DemoRegion(
        "RO21", "Nord-Est", "RO", "ro",
        (Town("Iași", 27.601, 47.158, 4, specialities=("apparel", "technical")),
         Town("Bacău", 26.914, 46.567, 3, specialities=("apparel", "weaving")),
         Town("Piatra Neamț", 26.381, 46.927, 2, specialities=("knitting",)),
         Town("Suceava", 26.255, 47.651, 2, specialities=("apparel",)),
         Town("Botoșani", 26.666, 47.748, 3, specialities=("apparel", "spinning"))),
        {"apparel": 9, "knitting": 4, "weaving": 2, "spinning": 2, "finishing": 2, "home": 1, "technical": 1,
         "recycling": 1, "printing": 1},
        ("Popescu", "Ionescu", "Munteanu", "Rusu", "Ciobanu", "Lungu", "Moraru", "Apostol", "Hușanu", "Cojocaru",
         "Avram", "Pavel"),
        ("S.R.L.", "S.R.L.", "S.A."),
    ),
    DemoRegion(
        "ES52", "Comunitat Valenciana", "ES", "es",
        (Town("Alcoi", -0.474, 38.698, 4, specialities=("spinning", "technical")),
         Town("Ontinyent", -0.606, 38.822, 4, specialities=("home", "weaving")),
         Town("Cocentaina", -0.440, 38.745, 2, specialities=("home", "nonwovens")),
         Town("València", -0.376, 39.470, 3, radius_km=2.0, specialities=("apparel", "smart")),
         Town("Crevillent", -0.809, 38.249, 2, specialities=("carpets",))),
        {"home": 5, "spinning": 3, "weaving": 3, "technical": 3, "nonwovens": 2, "finishing": 2, "carpets": 2,
         "apparel": 2, "printing": 1, "recycling": 1, "smart": 1},
        ("Ferrer", "Sanchis", "Pascual", "Vidal", "Belda", "Mora", "Francés", "Gisbert", "Albero", "Llorca",
         "Boronat", "Santonja"),
        ("S.L.", "S.L.", "S.A."),
    ),
    DemoRegion(
        "PT11", "Norte", "PT", "pt",
        (Town("Guimarães", -8.296, 41.444, 5, specialities=("spinning", "home", "recycling")),
         Town("Vila Nova de Famalicão", -8.519, 41.408, 4, specialities=("finishing", "weaving")),
         Town("Braga", -8.420, 41.545, 2, specialities=("smart", "knitting")),
         Town("Barcelos", -8.615, 41.531, 3, specialities=("knitting", "apparel")),
         Town("Porto", -8.611, 41.150, 2, radius_km=2.0, specialities=("apparel", "printing"))),
        {"apparel": 4, "knitting": 4, "spinning": 3, "weaving": 2, "finishing": 3, "home": 2, "technical": 2,
         "recycling": 2, "printing": 1, "smart": 1},
        ("Silva", "Ferreira", "Costa", "Oliveira", "Machado", "Carvalho", "Sampaio", "Mendes", "Araújo", "Faria",
         "Pereira", "Lopes"),
        ("Lda.", "Lda.", "S.A."),
    ),
    DemoRegion(
        "CZ05", "Severovýchod", "CZ", "cs",
        (Town("Liberec", 15.056, 50.767, 4, specialities=("technical", "nonwovens", "smart")),
         Town("Hradec Králové", 15.833, 50.209, 3, specialities=("technical", "apparel")),
         Town("Dvůr Králové nad Labem", 15.814, 50.432, 3, specialities=("weaving", "printing")),
         Town("Náchod", 16.163, 50.417, 2, specialities=("spinning", "weaving"))),
        {"technical": 5, "nonwovens": 4, "weaving": 3, "spinning": 2, "printing": 2, "finishing": 2, "smart": 2,
         "knitting": 1, "apparel": 1},
        ("Novák", "Dvořák", "Horák", "Kučera", "Beneš", "Procházka", "Svoboda", "Marek", "Pokorný", "Krejčí",
         "Veselý", "Šimek"),
        ("s.r.o.", "s.r.o.", "a.s."),
    ),
    DemoRegion(
        "SE23", "Västsverige", "SE", "sv",
        (Town("Borås", 12.940, 57.721, 6, specialities=("smart", "recycling", "weaving")),
         Town("Göteborg", 11.975, 57.709, 3, radius_km=2.0, specialities=("apparel", "recycling")),
         Town("Ulricehamn", 13.414, 57.792, 2, specialities=("knitting", "home"))),
        {"smart": 4, "recycling": 4, "weaving": 2, "knitting": 2, "apparel": 3, "technical": 2, "printing": 1,
         "home": 1, "finishing": 1},
        ("Lindqvist", "Andersson", "Karlsson", "Berg", "Sjöberg", "Holm", "Ekström", "Nyström", "Wallin", "Ström",
         "Lundgren", "Håkansson"),
        ("AB",),
    ),
    DemoRegion(
        "FRE1", "Nord-Pas-de-Calais", "FR", "fr",
        (Town("Roubaix", 3.174, 50.692, 4, specialities=("recycling", "apparel")),
         Town("Tourcoing", 3.161, 50.724, 3, specialities=("spinning", "technical")),
         Town("Lille", 3.057, 50.629, 3, specialities=("smart", "apparel")),
         Town("Calais", 1.858, 50.951, 3, radius_km=1.5, specialities=("lace",))),
        {"technical": 3, "recycling": 3, "lace": 3, "spinning": 2, "weaving": 2, "nonwovens": 2, "apparel": 2,
         "finishing": 2, "smart": 1, "printing": 1},
        ("Lefebvre", "Dubois", "Leroy", "Delattre", "Dupont", "Vandamme", "Desmet", "Lemaire", "Mahieu", "Deschamps",
         "Masquelier", "Verbeke"),
        ("SAS", "SAS", "SA", "SARL"),
    ),
)
REGION_CODES = tuple(r.code for r in REGIONS)
REGIONS_BY_CODE = {r.code: r for r in REGIONS}


def pick_town(rng: random.Random, region: DemoRegion) -> Town:
    return rng.choices(region.towns, weights=[t.weight for t in region.towns])[0]


def town_named(region: DemoRegion, name: str) -> Town:
    return next(t for t in region.towns if t.name == name)


def jitter(rng: random.Random, lon: float, lat: float, radius_km: float) -> tuple[Decimal, Decimal]:
    """A point within `radius_km` of (lon, lat), rounded to the stored six decimals."""
    distance = radius_km * math.sqrt(rng.random())
    bearing = rng.uniform(0, 2 * math.pi)
    dlat = distance * math.cos(bearing) / 111.32
    dlon = distance * math.sin(bearing) / (111.32 * math.cos(math.radians(lat)))
    return Decimal(f"{lon + dlon:.6f}"), Decimal(f"{lat + dlat:.6f}")
