"""schema.org ClaimReview for each checkable claim, as JSON-LD data for its reading page.

Forecasts have their own scale and are left out, as are claims labelled "opinion" (nothing to
check). Only two kinds of address appear: ours, and the article's.
"""

from __future__ import annotations

import json

from .data import plain_text
from .schema import VERDICTS

# Where a verdict sits on a five-point scale (5 = accurate). Unproven has no place on it:
# it says nothing about truth, so it carries only its label.
RATING = {"accurate": 5, "needs-context": 4, "partly-accurate": 3, "inaccurate": 1}

ARTICLE = {
    "@type": "OpinionNewsArticle",
    "headline": "The US may start to let their drones do the talking in Iraq",
    "url": "https://cms.trtworld.com/opinion/the-us-may-start-to-let-their-drones-do-the-talking-in-iraq-40819",
    "datePublished": "2020-10",  # the month is known; the day is not (see /about/#the-article)
    "publisher": {"@type": "Organization", "name": "TRT World"},
}


def reviews(site, page: str, page_url: str, site_name: str, site_url: str) -> list[dict]:
    out = []
    for passage in site.pages[page]["passages"] if page in site.pages else []:
        for claim in passage.get("claims") or []:
            if claim["verdict"] == "opinion":
                continue
            rating = {"@type": "Rating", "alternateName": VERDICTS[claim["verdict"]]}
            if claim["verdict"] in RATING:
                rating.update(ratingValue=RATING[claim["verdict"]], bestRating=5, worstRating=1)
            review = {
                "@type": "ClaimReview",
                "url": f"{page_url}#{claim['id']}",
                "claimReviewed": plain_text(claim["claim"], site),
                "itemReviewed": {"@type": "Claim", "appearance": ARTICLE},
                "reviewRating": rating,
                "datePublished": claim["checked"],
                "author": {"@type": "Organization", "name": site_name, "url": site_url},
            }
            if claim.get("updated"):
                review["dateModified"] = claim["updated"]
            out.append(review)
    return out


def script(items: list[dict]) -> str:
    """The JSON-LD block; '<' is escaped so no text can close the script element."""
    if not items:
        return ""
    data = json.dumps({"@context": "https://schema.org", "@graph": items}, ensure_ascii=False, separators=(",", ":"))
    return '<script type="application/ld+json">' + data.replace("<", "\\u003c") + "</script>"
