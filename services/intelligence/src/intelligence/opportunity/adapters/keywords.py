"""Which of the partnership's thematic priorities a feed's keywords or tags point to.

A keyword counts for a priority when one of the priority's terms occurs in it as whole words (a trailing
plural `s` allowed), case-insensitive: `Recycling of textiles` → circular_economy, `Textile design` → creativity,
`Digital platforms` → digital_technologies; `eco-design` is circular, not creativity. The terms are in `TERMS`:
circular_economy (circular, recycling, upcycling, reuse, waste, bio-based, ...), industry_4_0 (industry 4.0,
automation, robotics, IoT, 3D printing, ...), digital_technologies (digital, e-commerce, platform, software, AI,
social media, ...), advanced_materials (smart, technical or functional textiles, composites, coatings, wearables,
...), creativity (design, fashion, creative industries, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

TERMS = {
    "circular_economy": ("circular", "recycling", "recycled", "upcycling", "reuse", "waste", "bio-based",
                         "biodegradable", "eco-design"),
    "industry_4_0": ("industry 4.0", "automation", "robotics", "advanced manufacturing", "iot", "internet of things",
                     "additive manufacturing", "3d printing"),
    "digital_technologies": ("digital", "digitalisation", "digitalization", "e-commerce", "platform", "software",
                             "artificial intelligence", "ai", "e-marketing", "social media"),
    "advanced_materials": ("smart textiles", "technical textiles", "functional textiles", "advanced materials",
                           "nanomaterials", "composites", "coatings", "wearables"),
    "creativity": ("design", "fashion", "creative industries", "creativity", "cultural and creative"),
}
_PATTERNS = {
    priority: re.compile(r"(?<![\w-])(" + "|".join(re.escape(t) for t in terms) + r")s?(?![\w-])", re.IGNORECASE)
    for priority, terms in TERMS.items()
}


def priorities_for(keywords: Iterable[str]) -> list[str]:
    """The priorities the keywords point to, in the partnership's order; keywords matching none are ignored."""
    words = [k for k in keywords if isinstance(k, str)]
    return [priority for priority, pattern in _PATTERNS.items() if any(pattern.search(k) for k in words)]
