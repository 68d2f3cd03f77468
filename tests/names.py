"""The names a reader may search for, taken from the data (not from the code under test)."""

from __future__ import annotations

import unicodedata


def recorded_names(actor) -> list[str]:
    """Every name the data records for an actor, and each without accents or apostrophes (the
    expectation comes from the data, not from explainer.glossary.spellings, the code under test)."""
    names = [actor.name, *([actor.article_name] if actor.article_name else []), *actor.aliases]
    plain = ["".join(c for c in unicodedata.normalize("NFKD", n) if not unicodedata.combining(c) and c not in "'’ʼ‘`")
             for n in names]
    return list(dict.fromkeys(names + plain))
