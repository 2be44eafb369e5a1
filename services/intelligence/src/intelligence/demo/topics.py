"""What the demo opportunities are about: topics with their priorities and NACE codes, and title templates."""

from __future__ import annotations

from dataclasses import dataclass

from intelligence.demo.phrases import t


@dataclass(frozen=True)
class Topic:
    text: dict[str, str]
    priorities: tuple[str, ...]
    nace_codes: tuple[str, ...]
    value_chain: tuple[str, ...]


TOPICS = {
    "recycled_cotton": Topic(t(
        "recycled cotton yarn", "filato di cotone riciclato", "fire din bumbac reciclat", "hilo de algodón reciclado",
        "fio de algodão reciclado", "příze z recyklované bavlny", "garn av återvunnen bomull", "fil de coton recyclé"),
        ("circular_economy",), ("C13.10",), ("yarn", "recycling")),
    "recycled_wool": Topic(t(
        "regenerated wool from used garments", "lana rigenerata da capi usati", "lână regenerată din haine uzate",
        "lana regenerada de prendas usadas", "lã regenerada de vestuário usado", "regenerovaná vlna z obnošených oděvů",
        "återvunnen ull från använda plagg", "laine régénérée issue de vêtements usagés"),
        ("circular_economy", "creativity"), ("C13.10", "C13.20"), ("fibre", "yarn", "recycling")),
    "sorting": Topic(t(
        "automated sorting of textile waste", "selezione automatica dei rifiuti tessili",
        "sortarea automată a deșeurilor textile", "clasificación automática de residuos textiles",
        "triagem automática de resíduos têxteis", "automatické třídění textilního odpadu",
        "automatisk sortering av textilavfall", "tri automatisé des déchets textiles"),
        ("circular_economy", "industry_4_0"), ("E38.32",), ("recycling",)),
    "low_water_dyeing": Topic(t(
        "low-water dyeing", "tintura a basso consumo d'acqua", "vopsire cu consum redus de apă",
        "tintura con bajo consumo de agua", "tingimento com baixo consumo de água", "barvení s nízkou spotřebou vody",
        "färgning med låg vattenförbrukning", "teinture économe en eau"),
        ("circular_economy", "industry_4_0"), ("C13.30",), ("finishing",)),
    "digital_printing": Topic(t(
        "digital printing on natural fibres", "stampa digitale su fibre naturali",
        "imprimare digitală pe fibre naturale",
        "estampación digital sobre fibras naturales", "estampagem digital em fibras naturais",
        "digitální tisk na přírodní vlákna", "digitaltryck på naturfibrer",
        "impression numérique sur fibres naturelles"),
        ("digital_technologies", "creativity"), ("C13.30",), ("finishing",)),
    "smart_garments": Topic(t(
        "sensor-enabled smart garments", "capi intelligenti con sensori",
        "articole vestimentare inteligente cu senzori",
        "prendas inteligentes con sensores", "vestuário inteligente com sensores", "chytré oděvy se senzory",
        "smarta plagg med sensorer", "vêtements intelligents à capteurs"),
        ("advanced_materials", "digital_technologies"), ("C13.96", "C14.19"), ("fabric", "garment")),
    "automotive_textiles": Topic(t(
        "technical textiles for car interiors", "tessili tecnici per interni auto",
        "textile tehnice pentru interioare auto",
        "textiles técnicos para interiores de automóvil", "têxteis técnicos para interiores automóveis",
        "technické textilie pro interiéry automobilů", "tekniska textilier för bilinteriörer",
        "textiles techniques pour intérieurs automobiles"),
        ("advanced_materials", "industry_4_0"), ("C13.96",), ("fabric", "finishing")),
    "biodegradable_nonwovens": Topic(t(
        "biodegradable nonwovens", "nontessuti biodegradabili", "netesute biodegradabile", "no tejidos biodegradables",
        "não tecidos biodegradáveis", "biologicky rozložitelné netkané textilie", "biologiskt nedbrytbara nonwovens",
        "non-tissés biodégradables"),
        ("advanced_materials", "circular_economy"), ("C13.95",), ("fabric",)),
    "seamless_knitting": Topic(t(
        "automated seamless knitting", "maglieria seamless automatizzata", "tricotare automată fără cusături",
        "tejido de punto sin costuras automatizado", "malha sem costuras automatizada",
        "automatizované bezešvé pletení", "automatiserad sömlös stickning", "tricotage sans couture automatisé"),
        ("industry_4_0",), ("C13.91", "C14.39"), ("fabric", "garment")),
    "product_passport": Topic(t(
        "digital product passport for garments", "passaporto digitale di prodotto per capi",
        "pașaport digital de produs pentru confecții", "pasaporte digital de producto para prendas",
        "passaporte digital de produto para vestuário", "digitální pas výrobku pro oděvy",
        "digitalt produktpass för kläder", "passeport numérique de produit pour vêtements"),
        ("digital_technologies", "circular_economy"), ("C14.13",), ("garment", "retail")),
    "virtual_sampling": Topic(t(
        "3D virtual sampling", "campionatura virtuale 3D", "eșantionare virtuală 3D", "muestrario virtual 3D",
        "amostragem virtual 3D", "virtuální 3D vzorkování", "virtuella 3D-prover", "prototypage virtuel 3D"),
        ("creativity", "digital_technologies"), ("C14.13", "C14.19"), ("garment",)),
    "biobased_fibres": Topic(t(
        "bio-based fibres from agricultural residues", "fibre bio-based da residui agricoli",
        "fibre biologice din reziduuri agricole", "fibras de base biológica de residuos agrícolas",
        "fibras de base biológica de resíduos agrícolas", "biologická vlákna ze zemědělských zbytků",
        "biobaserade fibrer från jordbruksrester", "fibres biosourcées issues de résidus agricoles"),
        ("advanced_materials", "circular_economy"), ("C13.10",), ("fibre",)),
    "e_marketing": Topic(t(
        "e-commerce and social media for textile brands", "e-commerce e social media per marchi tessili",
        "comerț electronic și social media pentru branduri textile",
        "comercio electrónico y redes sociales para marcas textiles",
        "comércio eletrónico e redes sociais para marcas têxteis", "e-shop a sociální sítě pro textilní značky",
        "e-handel och sociala medier för textilvarumärken", "e-commerce et réseaux sociaux pour marques textiles"),
        ("digital_technologies", "creativity"), ("C14.19",), ("retail",)),
    "lace_design": Topic(t(
        "lace and embroidery design", "design di pizzi e ricami", "design de dantelă și broderie",
        "diseño de encajes y bordados", "design de rendas e bordados", "design krajek a výšivek",
        "design av spets och broderi", "design de dentelle et broderie"),
        ("creativity",), ("C13.99",), ("fabric",)),
    "nearshoring": Topic(t(
        "nearshore garment production capacity", "capacità produttiva di confezione in prossimità",
        "capacitate de producție de confecții în proximitate", "capacidad de confección de proximidad",
        "capacidade de confeção de proximidade", "blízká kapacita pro výrobu oděvů", "närproducerad klädtillverkning",
        "capacité de confection de proximité"),
        ("industry_4_0", "creativity"), ("C14.13", "C14.14"), ("garment",)),
    "energy_efficiency": Topic(t(
        "energy efficiency in finishing plants", "efficienza energetica nei reparti di finissaggio",
        "eficiență energetică în finisaj", "eficiencia energética en plantas de acabado",
        "eficiência energética em acabamentos", "energetická účinnost ve zušlechťovnách",
        "energieffektivisering i efterbehandling", "efficacité énergétique en ennoblissement"),
        ("circular_economy", "industry_4_0"), ("C13.30",), ("finishing",)),
}
CIRCULAR_TOPICS = tuple(k for k, topic in TOPICS.items() if "circular_economy" in topic.priorities)

TITLES = {
    "business_cooperation": t("Partner wanted: {topic}", "Cercasi partner: {topic}", "Căutăm parteneri: {topic}",
                              "Se busca socio: {topic}", "Procura-se parceiro: {topic}", "Hledáme partnera: {topic}",
                              "Partner sökes: {topic}", "Recherche partenaire : {topic}"),
    "technology_offer": t("Technology offer: {topic}", "Offerta tecnologica: {topic}", "Ofertă tehnologică: {topic}",
                          "Oferta tecnológica: {topic}", "Oferta tecnológica: {topic}",
                          "Technologická nabídka: {topic}",
                          "Teknikerbjudande: {topic}", "Offre technologique : {topic}"),
    "technology_request": t("Technology sought: {topic}", "Richiesta tecnologica: {topic}",
                            "Cerere de tehnologie: {topic}", "Demanda tecnológica: {topic}",
                            "Procura tecnológica: {topic}", "Poptávka technologie: {topic}",
                            "Teknik efterfrågas: {topic}", "Demande technologique : {topic}"),
    "rnd": t("R&D consortium: {topic}", "Consorzio R&S: {topic}", "Consorțiu CDI: {topic}",
             "Consorcio de I+D: {topic}", "Consórcio de I&D: {topic}", "Konsorcium VaV: {topic}",
             "FoU-konsortium: {topic}", "Consortium R&D : {topic}"),
    "funding_call": t("Funding call: {topic}", "Bando di finanziamento: {topic}", "Apel de finanțare: {topic}",
                      "Convocatoria de ayudas: {topic}", "Aviso de financiamento: {topic}", "Dotační výzva: {topic}",
                      "Utlysning: {topic}", "Appel à projets : {topic}"),
    "tender": t("Tender: {topic}", "Gara d'appalto: {topic}", "Licitație: {topic}", "Licitación: {topic}",
                "Concurso público: {topic}", "Veřejná zakázka: {topic}", "Upphandling: {topic}",
                "Appel d'offres : {topic}"),
    "investment": t("Investment opportunity: {topic}", "Opportunità di investimento: {topic}",
                    "Oportunitate de investiție: {topic}", "Oportunidad de inversión: {topic}",
                    "Oportunidade de investimento: {topic}", "Investiční příležitost: {topic}",
                    "Investeringsmöjlighet: {topic}", "Opportunité d'investissement : {topic}"),
    "event": t("Workshop: {topic}", "Workshop: {topic}", "Atelier: {topic}", "Jornada: {topic}", "Workshop: {topic}",
               "Seminář: {topic}", "Workshop: {topic}", "Atelier : {topic}"),
}

SUMMARIES = t(
    "Demo opportunity about {topic}, based in {place}. Contact the owning cluster manager through the platform. "
    "Not a real offer.",
    "Opportunità dimostrativa su {topic}, con sede a {place}. Contattare il cluster manager tramite la piattaforma. "
    "Non è un'offerta reale.",
    "Oportunitate demonstrativă privind {topic}, cu sediul în {place}. Contactați managerul de cluster prin "
    "platformă. Nu este o ofertă reală.",
    "Oportunidad de demostración sobre {topic}, con sede en {place}. Contacte con el gestor del clúster a través de "
    "la plataforma. No es una oferta real.",
    "Oportunidade de demonstração sobre {topic}, com sede em {place}. Contacte o gestor do cluster através da "
    "plataforma. Não é uma oferta real.",
    "Ukázková příležitost: {topic}, místo: {place}. Kontaktujte manažera klastru přes platformu. "
    "Nejde o skutečnou nabídku.",
    "Demomöjlighet om {topic}, med bas i {place}. Kontakta klusteransvarig via plattformen. "
    "Inget verkligt erbjudande.",
    "Opportunité de démonstration sur {topic}, basée à {place}. Contactez le gestionnaire du cluster via la "
    "plateforme. Pas une offre réelle.",
)
