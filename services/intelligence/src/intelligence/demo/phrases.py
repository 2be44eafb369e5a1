"""Short textile phrases in the partners' languages for the demo organisations (names, capabilities, labels)."""

from __future__ import annotations

LANGUAGES = ("en", "it", "ro", "es", "pt", "cs", "sv", "fr")


def t(en: str, it: str, ro: str, es: str, pt: str, cs: str, sv: str, fr: str) -> dict[str, str]:
    """One phrase in every content language, in the order of LANGUAGES."""
    return dict(zip(LANGUAGES, (en, it, ro, es, pt, cs, sv, fr), strict=True))


# the word a company of that trade puts before its name ("Lanificio Demo Bianchi S.p.A.")
ACTIVITY_NAMES = {
    "spinning": t("Spinning Mill", "Filatura", "Filatura", "Hilaturas", "Fiação", "Přádelna", "Spinneri",
                  "Filature"),
    "wool_mill": t("Woollen Mill", "Lanificio", "Fabrica de Postav", "Lanas", "Lanifícios", "Vlnařství",
                   "Ylleväveri", "Lainages"),
    "weaving": t("Weaving Mill", "Tessitura", "Țesătoria", "Tejidos", "Tecelagem", "Tkalcovna", "Väveri", "Tissage"),
    "knitting": t("Knitting Mill", "Maglificio", "Tricotaje", "Géneros de Punto", "Malhas", "Pletárna",
                  "Trikåfabrik", "Tricotage"),
    "finishing": t("Dyehouse", "Tintoria", "Vopsitoria", "Tintes y Acabados", "Tinturaria", "Barevna", "Färgeri",
                   "Teinturerie"),
    "printing": t("Textile Printing", "Stamperia", "Imprimeria Textilă", "Estampados", "Estamparia",
                  "Textilní tiskárna", "Textiltryck", "Impression Textile"),
    "technical": t("Technical Textiles", "Tessili Tecnici", "Textile Tehnice", "Textiles Técnicos",
                   "Têxteis Técnicos", "Technické textilie", "Tekniska Textilier", "Textiles Techniques"),
    "nonwovens": t("Nonwovens", "Nontessuti", "Netesute", "No Tejidos", "Não Tecidos", "Netkané textilie",
                   "Nonwoven", "Non-tissés"),
    "apparel": t("Apparel", "Confezioni", "Confecții", "Confecciones", "Confeções", "Oděvy", "Konfektion",
                 "Confection"),
    "recycling": t("Textile Recycling", "Rigenerazione Tessile", "Reciclare Textilă", "Reciclados Textiles",
                   "Reciclagem Têxtil", "Recyklace textilu", "Textilåtervinning", "Recyclage Textile"),
    "smart": t("Smart Textiles", "Tessili Intelligenti", "Textile Inteligente", "Textiles Inteligentes",
               "Têxteis Inteligentes", "Chytré textilie", "Smarta Textilier", "Textiles Intelligents"),
    "lace": t("Lace", "Merletti", "Dantelă", "Encajes", "Rendas", "Krajky", "Spetsar", "Dentelles"),
    "home": t("Home Textiles", "Tessili per la Casa", "Textile pentru Casă", "Textil Hogar", "Têxteis-Lar",
              "Bytový textil", "Hemtextil", "Linge de Maison"),
    "carpets": t("Carpets", "Tappeti", "Covoare", "Alfombras", "Tapetes", "Koberce", "Mattor", "Tapis"),
    "leather": t("Leather Goods", "Pelletteria", "Marochinărie", "Marroquinería", "Marroquinaria",
                 "Kožená galanterie", "Lädervaror", "Maroquinerie"),
}

CAPABILITIES = {
    "recycled_fibres": t(
        "Recycled fibres from post-consumer textiles", "Fibre riciclate da tessuti post-consumo",
        "Fibre reciclate din textile post-consum", "Fibras recicladas de textiles posconsumo",
        "Fibras recicladas de têxteis pós-consumo", "Recyklovaná vlákna z textilního odpadu",
        "Återvunna fibrer från kasserad textil", "Fibres recyclées issues de textiles usagés"),
    "carded_wool": t(
        "Carded wool yarns", "Filati di lana cardata", "Fire de lână cardată", "Hilados de lana cardada",
        "Fios de lã cardada", "Mykaná vlněná příze", "Kardgarn av ull", "Fils de laine cardée"),
    "worsted_wool": t(
        "Fine worsted wool fabrics", "Tessuti di lana pettinata", "Țesături din lână pieptănată",
        "Tejidos de lana peinada", "Tecidos de lã penteada", "Česané vlněné tkaniny", "Kamgarnstyger av ull",
        "Tissus de laine peignée"),
    "cotton_yarn": t(
        "Organic and recycled cotton yarns", "Filati di cotone biologico e riciclato",
        "Fire din bumbac organic și reciclat", "Hilos de algodón orgánico y reciclado",
        "Fios de algodão orgânico e reciclado", "Příze z organické a recyklované bavlny",
        "Garn av ekologisk och återvunnen bomull", "Fils de coton biologique et recyclé"),
    "jacquard": t(
        "Jacquard weaving", "Tessitura jacquard", "Țesere jacquard", "Tejeduría jacquard", "Tecelagem jacquard",
        "Žakárové tkaní", "Jacquardvävning", "Tissage jacquard"),
    "circular_knitting": t(
        "Circular knitting of jersey fabrics", "Maglieria circolare per tessuti jersey",
        "Tricotare circulară pentru jerseu", "Tejido de punto circular para jersey", "Malha circular para jersey",
        "Okrouhlé pletení úpletů", "Rundstickning av trikå", "Tricotage circulaire de jersey"),
    "seamless": t(
        "Seamless and 3D knitting", "Maglieria seamless e 3D", "Tricotare fără cusături și 3D",
        "Tejido de punto sin costuras y 3D", "Malha sem costuras e 3D", "Bezešvé a 3D pletení",
        "Sömlös stickning och 3D-stickning", "Tricotage sans couture et 3D"),
    "low_water_dyeing": t(
        "Low-water, low-energy dyeing", "Tintura a basso consumo di acqua ed energia",
        "Vopsire cu consum redus de apă și energie", "Tintura con bajo consumo de agua y energía",
        "Tingimento com baixo consumo de água e energia", "Barvení s nízkou spotřebou vody a energie",
        "Färgning med låg vatten- och energiförbrukning", "Teinture économe en eau et en énergie"),
    "functional_finishing": t(
        "Functional finishing (water-repellent, flame-retardant)", "Finissaggi funzionali (idrorepellenti, ignifughi)",
        "Finisări funcționale (hidrofobe, ignifuge)", "Acabados funcionales (hidrófugos, ignífugos)",
        "Acabamentos funcionais (hidrófugos, retardadores de chama)", "Funkční úpravy (hydrofobní, nehořlavé)",
        "Funktionella efterbehandlingar (vattenavvisande, flamskyddande)",
        "Ennoblissement fonctionnel (déperlant, ignifuge)"),
    "digital_printing": t(
        "Digital textile printing", "Stampa digitale su tessuto", "Imprimare digitală pe textile",
        "Estampación digital textil", "Estampagem digital têxtil", "Digitální tisk na textil", "Digitaltryck på textil",
        "Impression numérique textile"),
    "technical_fabrics": t(
        "Technical textiles for automotive and protective wear",
        "Tessili tecnici per automotive e abbigliamento protettivo",
        "Textile tehnice pentru auto și echipament de protecție",
        "Textiles técnicos para automoción y ropa de protección",
        "Têxteis técnicos para automóvel e vestuário de proteção", "Technické textilie pro automobily a ochranné oděvy",
        "Tekniska textilier för fordon och skyddskläder", "Textiles techniques pour l'automobile et la protection"),
    "coated_fabrics": t(
        "Coated and laminated fabrics", "Tessuti spalmati e accoppiati", "Țesături peliculizate și laminate",
        "Tejidos recubiertos y laminados", "Tecidos revestidos e laminados", "Potahované a laminované tkaniny",
        "Belagda och laminerade tyger", "Tissus enduits et contrecollés"),
    "nonwovens_filtration": t(
        "Nonwovens for filtration and hygiene", "Nontessuti per filtrazione e igiene",
        "Netesute pentru filtrare și igienă",
        "No tejidos para filtración e higiene", "Não tecidos para filtração e higiene",
        "Netkané textilie pro filtraci a hygienu", "Nonwoven för filtrering och hygien",
        "Non-tissés pour la filtration et l'hygiène"),
    "small_batch": t(
        "Small-batch garment production", "Produzione di capi in piccole serie", "Producție de confecții în serii mici",
        "Confección en series cortas", "Produção de vestuário em pequenas séries", "Výroba oděvů v malých sériích",
        "Klädproduktion i små serier", "Confection en petites séries"),
    "pattern_making": t(
        "Pattern making and grading with 3D CAD", "Modellistica e sviluppo taglie con CAD 3D",
        "Tipare și gradare cu CAD 3D", "Patronaje y escalado con CAD 3D", "Modelação e escalado com CAD 3D",
        "Konstrukce střihů a stupňování ve 3D CAD", "Mönsterkonstruktion och gradering med 3D-CAD",
        "Patronage et gradation en CAO 3D"),
    "knitwear": t(
        "Fully fashioned knitwear", "Maglieria fully fashioned", "Tricotaje fully fashioned",
        "Prendas de punto fully fashioned", "Malhas fully fashioned", "Plně tvarované pletené oděvy",
        "Formstickade plagg", "Maille entièrement diminuée"),
    "sorting": t(
        "Sorting of used textiles by fibre and colour", "Selezione degli stracci per fibra e colore",
        "Sortarea textilelor uzate pe fibre și culori", "Clasificación de textiles usados por fibra y color",
        "Triagem de têxteis usados por fibra e cor", "Třídění použitého textilu podle vlákna a barvy",
        "Sortering av använd textil efter fiber och färg", "Tri des textiles usagés par fibre et couleur"),
    "smart_textiles": t(
        "Smart textiles with embedded sensors", "Tessili intelligenti con sensori integrati",
        "Textile inteligente cu senzori integrați", "Textiles inteligentes con sensores integrados",
        "Têxteis inteligentes com sensores integrados", "Chytré textilie s integrovanými senzory",
        "Smarta textilier med inbyggda sensorer", "Textiles intelligents à capteurs intégrés"),
    "conductive_yarns": t(
        "Conductive yarns and e-textile integration", "Filati conduttivi e integrazione elettronica",
        "Fire conductoare și integrare electronică", "Hilos conductores e integración electrónica",
        "Fios condutores e integração eletrónica", "Vodivé příze a integrace elektroniky",
        "Ledande garn och integrering av elektronik", "Fils conducteurs et intégration électronique"),
    "leavers_lace": t(
        "Leavers lace on historic looms", "Pizzo Leavers su telai storici", "Dantelă Leavers pe războaie istorice",
        "Encaje Leavers en telares históricos", "Renda Leavers em teares históricos",
        "Krajka Leavers na historických strojích", "Leaversspets i historiska maskiner",
        "Dentelle Leavers sur métiers historiques"),
    "embroidery": t(
        "Embroidery and trimmings", "Ricami e passamanerie", "Broderii și pasmanterie", "Bordados y pasamanería",
        "Bordados e passamanaria", "Výšivky a prýmky", "Broderier och passementerier", "Broderie et passementerie"),
    "home_textiles": t(
        "Bed and table linen", "Biancheria da letto e da tavola", "Lenjerie de pat și de masă",
        "Ropa de cama y mantelería", "Roupa de cama e de mesa", "Ložní a stolní prádlo", "Sängkläder och dukar",
        "Linge de lit et de table"),
    "upholstery": t(
        "Upholstery and curtain fabrics", "Tessuti per arredamento e tende", "Țesături pentru tapițerie și perdele",
        "Tejidos de tapicería y cortinas", "Tecidos para estofos e cortinados", "Potahové a záclonové látky",
        "Möbel- och gardintyger", "Tissus d'ameublement et voilages"),
    "carpets": t(
        "Tufted and woven rugs", "Tappeti tufted e tessuti", "Covoare tufting și țesute", "Alfombras tufting y tejidas",
        "Tapetes tufados e tecidos", "Všívané a tkané koberce", "Tuftade och vävda mattor", "Tapis tuftés et tissés"),
    "leather_goods": t(
        "Leather goods and accessories", "Pelletteria e accessori", "Marochinărie și accesorii",
        "Marroquinería y accesorios", "Marroquinaria e acessórios", "Kožená galanterie a doplňky",
        "Läderprodukter och accessoarer", "Maroquinerie et accessoires"),
    "traceability": t(
        "Supply-chain traceability and digital product passport",
        "Tracciabilità di filiera e passaporto digitale di prodotto",
        "Trasabilitatea lanțului și pașaport digital de produs",
        "Trazabilidad de la cadena y pasaporte digital de producto",
        "Rastreabilidade da cadeia e passaporte digital do produto",
        "Sledovatelnost dodavatelského řetězce a digitální pas výrobku",
        "Spårbarhet i leveranskedjan och digitalt produktpass",
        "Traçabilité de la filière et passeport numérique du produit"),
    "testing_lab": t(
        "Accredited textile testing laboratory", "Laboratorio prove tessili accreditato",
        "Laborator acreditat de încercări textile", "Laboratorio de ensayos textiles acreditado",
        "Laboratório de ensaios têxteis acreditado", "Akreditovaná zkušební laboratoř textilu",
        "Ackrediterat textilprovningslaboratorium", "Laboratoire d'essais textiles accrédité"),
    "applied_research": t(
        "Applied research and technology transfer", "Ricerca applicata e trasferimento tecnologico",
        "Cercetare aplicată și transfer tehnologic", "Investigación aplicada y transferencia tecnológica",
        "Investigação aplicada e transferência de tecnologia", "Aplikovaný výzkum a transfer technologií",
        "Tillämpad forskning och tekniköverföring", "Recherche appliquée et transfert de technologie"),
    "training": t(
        "Textile engineering and design education", "Formazione in ingegneria e design tessile",
        "Formare în inginerie și design textil", "Formación en ingeniería y diseño textil",
        "Formação em engenharia e design têxtil", "Vzdělávání v textilním inženýrství a designu",
        "Utbildning i textilteknik och design", "Formation en ingénierie et design textile"),
    "incubation": t(
        "Start-up incubation and shared labs", "Incubazione di start-up e laboratori condivisi",
        "Incubare de start-up-uri și laboratoare comune", "Incubación de start-ups y laboratorios compartidos",
        "Incubação de start-ups e laboratórios partilhados", "Inkubace start-upů a sdílené laboratoře",
        "Inkubator för startups och delade labb", "Incubation de start-up et laboratoires partagés"),
    "networking": t(
        "B2B matchmaking and export promotion", "Incontri B2B e promozione dell'export",
        "Întâlniri B2B și promovarea exporturilor", "Encuentros B2B y promoción de la exportación",
        "Encontros B2B e promoção das exportações", "B2B setkání a podpora exportu",
        "B2B-möten och exportfrämjande", "Rendez-vous B2B et promotion de l'export"),
    "equity": t(
        "Equity for textile scale-ups", "Capitale di rischio per scale-up tessili",
        "Capital de risc pentru scale-up-uri textile", "Capital para scale-ups textiles",
        "Capital de risco para scale-ups têxteis", "Rizikový kapitál pro rostoucí textilní firmy",
        "Riskkapital för växande textilföretag", "Capital-risque pour les scale-up textiles"),
}

# what a non-company is, in a description line; and the name templates ({city} is the town)
KIND_LABELS = {
    "rnd_centre": t("Textile research centre", "Centro di ricerca tessile", "Centru de cercetare textilă",
                    "Centro de investigación textil", "Centro de investigação têxtil", "Textilní výzkumné centrum",
                    "Textilforskningsinstitut", "Centre de recherche textile"),
    "university": t("University", "Università", "Universitate", "Universidad", "Universidade", "Univerzita",
                    "Högskola", "Université"),
    "science_park": t("Science park", "Parco scientifico", "Parc științific", "Parque científico", "Parque de ciência",
                      "Vědeckotechnický park", "Science park", "Technopole"),
    "business_network": t("Business network", "Rete di imprese", "Rețea de afaceri", "Red empresarial",
                          "Rede empresarial", "Podnikatelská síť", "Företagsnätverk", "Réseau d'entreprises"),
    "investor": t("Investor", "Investitore", "Investitor", "Inversor", "Investidor", "Investor", "Investerare",
                  "Investisseur"),
}
KIND_NAMES = {
    "rnd_centre": t("Demo Textile Research Centre {city}", "Centro Ricerche Tessili Demo {city}",
                    "Centrul de Cercetare Textilă Demo {city}", "Instituto Tecnológico Textil Demo {city}",
                    "Centro Tecnológico Têxtil Demo {city}", "Textilní výzkumný ústav Demo {city}",
                    "Textilforskningsinstitutet Demo {city}", "Centre de Recherche Textile Demo {city}"),
    "university": t("Demo University of {city}", "Università Demo di {city}", "Universitatea Demo din {city}",
                    "Universidad Demo de {city}", "Universidade Demo de {city}", "Univerzita Demo {city}",
                    "Demohögskolan i {city}", "Université Demo de {city}"),
    "science_park": t("Demo Science Park {city}", "Parco Scientifico Demo {city}", "Parcul Științific Demo {city}",
                      "Parque Científico Demo {city}", "Parque de Ciência Demo {city}",
                      "Vědeckotechnický park Demo {city}", "Science Park Demo {city}", "Technopole Demo {city}"),
    "business_network": t("Demo Textile Network {city}", "Rete Tessile Demo {city}", "Asociația Textilă Demo {city}",
                          "Asociación Textil Demo {city}", "Associação Têxtil Demo {city}",
                          "Textilní sdružení Demo {city}", "Textilnätverket Demo {city}", "Réseau Textile Demo {city}"),
    "investor": t("Demo Textile Ventures {city}", "Fondo Moda Demo {city}", "Fondul de Investiții Demo {city}",
                  "Capital Textil Demo {city}", "Capital Têxtil Demo {city}", "Textilní fond Demo {city}",
                  "Textilkapital Demo {city}", "Capital Textile Demo {city}"),
}

# closes every demo description, so nobody takes a record for a real organisation
NOT_REAL = t(
    "Demo record: not a real organisation.", "Scheda dimostrativa: non è un'organizzazione reale.",
    "Înregistrare demonstrativă: nu este o organizație reală.",
    "Registro de demostración: no es una organización real.",
    "Registo de demonstração: não é uma organização real.", "Ukázkový záznam: nejde o skutečnou organizaci.",
    "Demopost: ingen verklig organisation.", "Fiche de démonstration : pas une organisation réelle.",
)

JOB_TITLES = ("CEO", "Sales manager", "R&D manager", "Sustainability manager", "Export manager", "Plant manager",
              "Innovation officer", "Project manager")
