"""The words of the demo proposals: interregional textile projects, each recognisably demo (" (demo)")."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Idea:
    acronym: str
    title: str
    summary: str
    priorities: tuple[str, ...]
    value_chain: tuple[str, ...]
    trl: int
    budget_keur: int


SUFFIX = " (demo)"

# three ideas per region for the 2019 portfolio call, in the order of the regions
IDEAS_2019: dict[str, tuple[Idea, ...]] = {
    "ITI1": (
        Idea("RECARD", "Regenerated carded wool from post-consumer knitwear",
             "Sorting, fibre opening and carding of post-consumer wool knitwear into regenerated yarns, with "
             "partners in the Biella district and Norte for spinning and garment trials.",
             ("circular_economy",), ("recycling", "yarn"), 6, 1800),
        Idea("PRATOTWIN", "Digital twin of a carded-yarn spinning mill",
             "A digital twin of a spinning line that predicts yarn count variation and energy use, piloted in two "
             "mills and shared with a Czech machine builder.", ("industry_4_0", "digital_technologies"),
             ("yarn",), 5, 950),
        Idea("DYE-LESS", "Low-water dyeing of recycled wool blends",
             "Low-liquor-ratio dyeing recipes for recycled wool blends, validated with a Valencia finishing "
             "house.", ("circular_economy", "advanced_materials"), ("finishing",), 6, 1200),
    ),
    "ITC1": (
        Idea("FIBRETRACE", "Fibre-to-garment traceability for fine wool",
             "A traceability record from fibre lot to garment for fine wool, with a Swedish retailer and a "
             "Portuguese garment maker.", ("digital_technologies", "circular_economy"), ("fibre", "garment"), 7, 700),
        Idea("SMARTWEAVE", "Sensorised weaving looms for defect detection",
             "Camera and vibration sensors on looms to detect defects as they happen, piloted in Biella and "
             "Liberec.", ("industry_4_0",), ("fabric",), 6, 1100),
        Idea("WOOLTECH", "Wool-based technical fabrics for protective wear",
             "Flame-resistant wool blends for protective clothing with a French nonwovens partner.",
             ("advanced_materials",), ("fabric", "garment"), 5, 1500),
    ),
    "RO21": (
        Idea("CONFECT4", "Automated cutting for small garment makers",
             "Shared automated cutting and nesting for small garment makers of Nord-Est, with software from "
             "Norte.", ("industry_4_0",), ("garment",), 7, 800),
        Idea("ROCIRC", "Post-industrial cutting waste into insulation",
             "Collection of cutting waste from garment makers into nonwoven insulation panels with a "
             "Nord-Pas-de-Calais partner.", ("circular_economy",), ("recycling",), 5, 1300),
        Idea("SKILLSHOP", "Digital sample room for apparel subcontractors",
             "3D sampling and virtual fittings so subcontractors can answer brands faster, with a Valencia design "
             "studio.", ("digital_technologies", "creativity"), ("garment", "retail"), 6, 600),
    ),
    "ES52": (
        Idea("HOMECIRC", "Circular home textiles from hotel linen",
             "Take-back of hotel linen for mechanical recycling into new home textiles, with Tuscan spinners.",
             ("circular_economy",), ("recycling", "yarn", "fabric"), 6, 1700),
        Idea("ENZYFINISH", "Enzymatic finishing of cotton fabrics",
             "Enzymatic finishing replacing chemical treatments, with a Portuguese finishing partner.",
             ("advanced_materials", "circular_economy"), ("finishing",), 5, 900),
        Idea("PRINT4U", "On-demand digital printing for home textiles",
             "On-demand printing and e-commerce for small series, with a Romanian garment maker.",
             ("digital_technologies", "creativity"), ("finishing", "retail"), 7, 750),
    ),
    "PT11": (
        Idea("COTTONLOOP", "Recycled cotton yarn at industrial scale",
             "Scaling mechanical recycling of cotton into yarn for knitwear, with Tuscan and Czech partners.",
             ("circular_economy",), ("recycling", "yarn"), 7, 2200),
        Idea("KNIT40", "Connected knitting floor",
             "Machine data from a knitting floor into planning and maintenance, shared with an Italian mill.",
             ("industry_4_0", "digital_technologies"), ("fabric",), 6, 1000),
        Idea("BIOCOAT", "Bio-based coatings for technical textiles",
             "Bio-based water-repellent coatings tested with a Swedish smart-textiles lab.",
             ("advanced_materials",), ("finishing",), 4, 1400),
    ),
    "CZ05": (
        Idea("NANOFIL", "Nanofibre filters from recycled polymers",
             "Nanofibre filter media from recycled PET, with a French nonwovens producer.",
             ("advanced_materials", "circular_economy"), ("fabric",), 5, 1600),
        Idea("LOOMDATA", "Open data model for weaving machines",
             "A shared data model for weaving machines, piloted with Biella mills.", ("industry_4_0",),
             ("fabric",), 6, 500),
        Idea("GLASSTEX", "Glass-fibre textiles for construction",
             "Glass-fibre grids for construction with a Valencian technical-textile company.",
             ("advanced_materials",), ("fabric",), 6, 1250),
    ),
    "SE23": (
        Idea("SENSEWEAR", "Textile sensors for elderly care",
             "Knitted sensors in garments that monitor movement for elderly care, with a Portuguese knitter.",
             ("advanced_materials", "digital_technologies"), ("fabric", "garment"), 5, 1900),
        Idea("RESELL", "Resale platform for workwear",
             "A platform to resell and repair workwear, with Nord-Est garment makers doing repairs.",
             ("circular_economy", "digital_technologies"), ("retail",), 7, 650),
        Idea("DESIGNLOOP", "Design for disassembly in fashion",
             "Design rules and a toolkit for garments that come apart for recycling, with a Tuscan brand.",
             ("creativity", "circular_economy"), ("garment",), 4, 450),
    ),
    "FRE1": (
        Idea("LACE4", "Digital lace design and production",
             "Digital design-to-loom for Calais lace, with a Romanian embroidery workshop.",
             ("creativity", "industry_4_0"), ("fabric",), 6, 850),
        Idea("FLAXNET", "Regional flax for technical composites",
             "Flax fibres into composite reinforcements, with a Czech composites lab.",
             ("advanced_materials", "circular_economy"), ("fibre", "fabric"), 5, 1750),
        Idea("SORTAI", "Automated sorting of used textiles",
             "Near-infrared and AI sorting of used textiles by fibre, with Norte recyclers.",
             ("circular_economy", "digital_technologies"), ("recycling",), 6, 2100),
    ),
}

# one idea per region for the open annual round (its lead is the region's demo member company)
IDEAS_ROUND: dict[str, Idea] = {
    "ITI1": Idea("WOOLMARKET", "Marketplace for regenerated wool fibres",
                 "A B2B marketplace for regenerated wool fibre lots with quality data.",
                 ("circular_economy", "digital_technologies"), ("fibre",), 5, 600),
    "ITC1": Idea("ENERLOOM", "Energy management for weaving mills",
                 "Metering and scheduling that cut weaving mills' energy use at peak times.",
                 ("industry_4_0",), ("fabric",), 6, 900),
    "RO21": Idea("UPCYCLE-RO", "Upcycled collections from deadstock",
                 "Capsule collections from deadstock fabrics with a Valencian design studio.",
                 ("creativity", "circular_economy"), ("garment",), 6, 400),
    "ES52": Idea("SMARTHOME", "Smart curtains with integrated light sensors",
                 "Curtain fabrics with printed light sensors for home automation.",
                 ("advanced_materials", "digital_technologies"), ("fabric",), 4, 1100),
    "PT11": Idea("DENIMBACK", "Denim take-back and fibre recovery",
                 "Collection of used denim and recovery of cotton fibre for new denim.",
                 ("circular_economy",), ("recycling", "yarn"), 6, 1500),
    "CZ05": Idea("FILTERLAB", "Shared testing lab for filter textiles",
                 "A shared lab that tests filter textiles to EU standards for small producers.",
                 ("advanced_materials",), ("fabric",), 7, 800),
    "SE23": Idea("PASSPORT", "Digital product passport pilot",
                 "A digital product passport for garments, piloted with four brands of the partnership.",
                 ("digital_technologies", "circular_economy"), ("garment", "retail"), 6, 1000),
    "FRE1": Idea("NONWOVEN2", "Nonwovens from recycled cotton",
                 "Nonwoven felts from recycled cotton for automotive interiors.",
                 ("circular_economy", "advanced_materials"), ("recycling", "fabric"), 5, 1300),
}
