"""schema.org ClaimReview for each checkable claim, as JSON-LD data for its reading page.

Forecasts have their own scale and are left out, as are claims labelled "opinion" (nothing to
check). Only two kinds of address appear: ours, and the article's.

What is said about the article comes from data/article.yml (schema: ``schema.ARTICLE``; loaded
with every data file, ``site.article``). Two
choices, also explained in the README ("Structured data"):

- **Who made the claim.** ``Claim.author`` is the article's author when the byline is known; it
  is not (the method page says so), so it is the article's publisher, TRT World, the
  organisation that put the claim before readers. We never guess a person.
- **Unproven has no ``ratingValue``.** The 1-5 scale (``scales.RATING``) says how true a claim is; Unproven
  says we could not find out, so any point on it (3 would read as "half true") would state
  something we do not know. Its rating carries the label (``alternateName``) and the reason
  (``ratingExplanation``), like every other rating. schema.org does not require ``ratingValue``.
"""

from __future__ import annotations

import json

from . import records as R
from .markup import plain
from .problems import Problem
from .scales import RATING, VERDICTS


def check_article(site, shown: str) -> list[Problem]:
    """Reading pages need the article: every claim's appearance is made from it."""
    if site.pages and not site.article:
        return [Problem(shown, 1, "is missing: every claim's structured data names the article (type, headline, publisher, date, url)")]
    return []


def article_node(article: R.Article) -> dict:
    """The article as schema.org sees it: only what data/article.yml says."""
    node = {
        "@type": article.type,
        "@id": article.url,
        "headline": article.headline,
        "url": article.url,
        "datePublished": article.date,
        "publisher": {"@type": "Organization", "name": article.publisher},
    }
    if article.author:
        node["author"] = {"@type": "Person", "name": article.author}
    return node


def claim_author(article: R.Article) -> dict:
    """The byline when known; otherwise the publisher (never a guessed person)."""
    if article.author:
        return {"@type": "Person", "name": article.author}
    return {"@type": "Organization", "name": article.publisher}


def claim_node(article: R.Article) -> dict:
    appearance = article_node(article)
    return {
        "@type": "Claim",
        "author": claim_author(article),
        "datePublished": article.date,
        "appearance": appearance,
        "firstAppearance": appearance,  # the article is where the claim was made; we know no earlier one
    }


def reviews(site, page: str, page_url: str, site_name: str, site_url: str) -> list[dict]:
    out = []
    for passage in site.pages[page].passages if page in site.pages else []:
        for claim in passage.claims:
            if claim.verdict == "opinion":
                continue
            rating = {"@type": "Rating", "alternateName": VERDICTS[claim.verdict]}
            if claim.verdict in RATING:
                rating.update(ratingValue=RATING[claim.verdict], bestRating=5, worstRating=1)
            rating["ratingExplanation"] = plain(claim.reason, site)
            review = {
                "@type": "ClaimReview",
                "url": f"{page_url}#{claim.id}",
                "claimReviewed": plain(claim.claim, site),
                "itemReviewed": claim_node(site.article),
                "reviewRating": rating,
                "datePublished": claim.checked,
                "author": {"@type": "Organization", "name": site_name, "url": site_url},
            }
            if claim.updated:
                review["dateModified"] = claim.updated
            out.append(review)
    return out


def script(items: list[dict]) -> str:
    """The JSON-LD block; '<' is escaped so no text can close the script element."""
    if not items:
        return ""
    data = json.dumps({"@context": "https://schema.org", "@graph": items}, ensure_ascii=False, separators=(",", ":"))
    return '<script type="application/ld+json">' + data.replace("<", "\\u003c") + "</script>"
