"""The sources rules (issue 15), checked on every build after the schemas and references.

- ``wikipedia``: no Wikipedia article, copy, mirror or translation is a source (cite what it cites;
  Wikipedia itself may go under an actor's ``further_reading``).
- ``repost``: no blog or scraper repost is a source, not even as the copy read (``read_at``).
- ``about``: every factual claim (verdict other than opinion) says when what it concerns happened.
- ``first-source``: a factual claim's first source is a primary record, original reporting or a wire
  story, dated from ``about`` to two years after (from ``known_from`` when the fact came out later).
- ``opinion-first``: no glossary entry, timeline event, place, relation or annotation rests first on
  an opinion piece.
- ``no-address``: no claim or forecast rests only on sources without an address (``url`` or
  ``read_at.url``).
- ``duplicate``: no source is entered twice (the same address; the same title and date; or the same
  publisher, author and date).

Until the data is fixed, ``data/known_gaps.yml`` may excuse a record from one rule: a list of
``{id: <record id>, rule: <rule>}``. An entry that excuses nothing is itself a mistake, so the list
only shrinks.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from urllib.parse import urlsplit

from . import dates, freshness, outlets
from . import records as R
from .problems import Problem
from .scales import FIRST_HAND_KINDS
from .yamlfile import Items, Record, load_yaml

KNOWN_GAPS = "known_gaps.yml"
RULES = ("wikipedia", "repost", "about", "first-source", "opinion-first", "no-address", "duplicate",
         *outlets.RULES, *freshness.RULES)
WINDOW_YEARS = 2

# Wikipedia and the sites that copy, mirror, summarise or machine-translate it.
WIKI_HOSTS = ("wikipedia.org", "wikimili.com", "piglix.com", "handwiki.org", "clateway.com", "wikiwand.com",
              "wikisum.wiki", "wiki7.org", "frwiki.wiki", "zxc.wiki", "wikibrief.org", "statemaster.com",
              "wikizero.com", "wiki2.org", "infogalactic.com", "everybodywiki.com", "dbpedia.org", "alchetron.com",
              "thereaderwiki.com", "en-academic.com", "dictionary.sensagent.com", "justapedia.org", "kiddle.co")
WIKI_NAMES = re.compile(r"wikipedia|wikimili|piglix|handwiki|clateway|wikiwand|wikisum|wiki7|frwiki|zxc\.wiki|"
                        r"wikibrief|statemaster|wikizero|infogalactic|alchetron", re.IGNORECASE)
# Blog platforms and sites that repost others' stories wholesale.
REPOST_HOSTS = ("blogspot.com", "wordpress.com", "blogger.com", "medium.com", "tumblr.com", "livejournal.com",
                "ru24.pro", "in-the.news", "am1.news", "getfirst.news", "theaustralian.info", "watsupeurope.com",
                "newsenigma.com", "xants.net")
REPOST_NAMES = re.compile(r"\bblog\b|\brepost", re.IGNORECASE)


def _host(url) -> str:
    return urlsplit(url).hostname or "" if isinstance(url, str) else ""


def _on(host: str, hosts) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def address(source: R.Source) -> str | None:
    """Where the source can be read: its own address, else the copy's."""
    read_at = source.read_at
    return source.url or (read_at.url if isinstance(read_at, R.ReadAt) else None)


def _span(date: str) -> tuple[_dt.date, _dt.date]:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD date may mean (ValueError if none)."""
    parsed = dates.parse(date)
    if parsed is None:
        raise ValueError(f"not a date: {date!r}")
    return parsed.first_day, parsed.last_day


def _plus_years(day: _dt.date, years: int) -> _dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def in_window(source_date: str, start: str) -> bool:
    """Whether a source's date can fall from ``start`` to two years after it (both may be partial)."""
    try:
        first, last = _span(source_date)
        window_first, window_last = _span(start)
    except (ValueError, IndexError):
        return True  # a malformed date is reported by the schema check
    return last >= window_first and first <= _plus_years(window_last, WINDOW_YEARS)


def _key(text) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", str(text).lower()).split())


def _url_key(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    return f"{host}{parts.path.rstrip('/')}?{parts.query}".rstrip("?")


class _Rules:
    def __init__(self, site):
        self.site = site
        self.found: list[tuple[str, str, Problem]] = []  # (record id, rule, problem)

    def add(self, record_id: str, rule: str, file: str, line: int, message: str) -> None:
        self.found.append((record_id, rule, Problem(file, line, f"{message} [rule {rule}]")))

    def sources(self) -> None:
        by_url: dict[str, str] = {}
        by_text: dict[str, str] = {}
        for sid, source in self.site.sources.items():
            file = source.file
            copy = source.read_at if isinstance(source.read_at, R.ReadAt) else None
            copy_publisher, copy_url = (copy.publisher, copy.url) if copy else (None, None)
            names = " ".join(str(v) for v in (source.publisher, copy_publisher) if v)
            hosts = [_host(source.url), _host(copy_url)]
            if WIKI_NAMES.search(names) or any(_on(h, WIKI_HOSTS) for h in hosts):
                self.add(sid, "wikipedia", file, source.line,
                         f"source '{sid}': Wikipedia, or a copy or mirror of it, is not a source; cite what it cites "
                         "(Wikipedia itself may go under an actor's further_reading)")
            elif REPOST_NAMES.search(str(copy_publisher or "")) or _on(hosts[1], REPOST_HOSTS) \
                    or (_on(hosts[0], REPOST_HOSTS) and "blogspot" not in hosts[0] and "wordpress" not in hosts[0]):
                # An author's own blog may be an original; a blog or scraper holding someone else's story is not.
                self.add(sid, "repost", file, copy.line if copy and copy.yaml else source.line,
                         f"source '{sid}': a blog or scraper repost is not a source; cite the original, or a copy on "
                         "the publisher's own site or a news site that licenses it")
            keys = []
            for url in (source.url, copy_url):
                if isinstance(url, str):
                    keys.append((by_url, _url_key(url), "the same address"))
            if all(isinstance(v, str) for v in (source.title, source.date)):
                # The same original keeps its title and date wherever it was copied.
                keys.append((by_text, f"{_key(source.title)}|{source.date}", "the same title and date"))
            if all(isinstance(v, str) for v in (source.publisher, source.author, source.date)):
                text = f"{_key(source.publisher)}|{_key(source.author)}|{source.date}"
                keys.append((by_text, text, "the same publisher, author and date"))
            for seen, key, how in keys:
                if key in seen and seen[key] != sid:
                    self.add(sid, "duplicate", file, source.line,
                             f"source '{sid}' is entered twice: it has {how} as '{seen[key]}'; keep one id and "
                             "redirect the other in records/redirects.yml")
                    break
                seen.setdefault(key, sid)

    def claims(self) -> None:
        for kind, items in (("claim", self.site.claims), ("forecast", self.site.forecasts)):
            for cid, item in items.items():
                file = item.file
                ids = [s for s in item.sources or [] if s in self.site.sources]
                lines = dict(zip(item.sources or [], item.item_lines("sources")))
                if ids and not any(address(self.site.sources[s]) for s in ids):
                    self.add(cid, "no-address", file, item.line_of("sources"),
                             f"{kind} '{cid}': every source it cites lacks an address (url or read_at.url); "
                             "cite one that was read")
                if kind != "claim" or item.verdict == "opinion":
                    continue
                about = item.about
                if not about:
                    self.add(cid, "about", file, item.line,
                             f"claim '{cid}': add 'about:' (when what it concerns happened, YYYY, YYYY-MM or YYYY-MM-DD)")
                if not ids:
                    continue
                first = self.site.sources[ids[0]]
                line = lines.get(ids[0], item.line_of("sources"))
                start = item.known_from or about
                if first.kind not in FIRST_HAND_KINDS:
                    self.add(cid, "first-source", file, line,
                             f"claim '{cid}': its first source '{ids[0]}' is {first.kind}; put a primary record, "
                             "original reporting or a wire story first")
                elif isinstance(start, str) and isinstance(first.date, str) and not in_window(first.date, start):
                    since = "known_from" if item.known_from else "about"
                    self.add(cid, "first-source", file, line,
                             f"claim '{cid}': its first source '{ids[0]}' is dated {first.date}, outside "
                             f"{since} {start} to {WINDOW_YEARS} years after; put a source from that time first, "
                             "or add known_from if the fact only came out later")

    def opinion_first(self) -> None:
        site = self.site
        records = [("glossary entry", a.id, a) for a in site.actors.values()]
        records += [("timeline event", e.id, e) for e in site.events.values()]
        records += [("place", p.id, p) for p in site.places.values()]
        records += [("relation", f"{r.from_}-{r.relation}-{r.to}", r) for r in site.relations]
        for passage in site.passages.values():
            for part in ("context", "next"):
                if isinstance(getattr(passage, part), R.Located):
                    records.append((f"passage {part}", f"{passage.id}-{part}", getattr(passage, part)))
        for what, rid, record in records:
            ids = record.sources or []
            if not ids or ids[0] not in site.sources or site.sources[ids[0]].kind != "opinion":
                continue
            file = record.file
            line = (record.item_lines("sources") or [record.line_of("sources")])[0]
            self.add(rid, "opinion-first", file, line,
                     f"{what} '{rid}': its first source '{ids[0]}' is an opinion piece; put a factual source first")

def _registry_and_dates(rules: _Rules) -> None:
    """The outlet registry's rules and the honest-dates rules (issue 26), excusable like the others."""
    def add(record_id, rule, file, line, message):
        rules.found.append((record_id, rule, Problem(file, line, message, rule=rule)))
    outlets.findings(rules.site, add)
    freshness.findings(rules.site, add)


def read_known_gaps(data_dir: Path, shown: str) -> tuple[list[tuple[str, str, int]], list[Problem]]:
    """The excused (id, rule, line) pairs, and mistakes in the file itself."""
    path = data_dir / KNOWN_GAPS
    if not path.exists():
        return [], []
    data, problems = load_yaml(path, shown, empty_ok=True)  # all gaps fixed: comments only
    if data is None:
        return [], problems
    if not isinstance(data, Items):
        return [], [*problems, Problem(shown, 1, "should be a list of {id: ..., rule: ...} entries")]
    gaps = []
    for item, line in zip(data, data.item_lines):
        if not (isinstance(item, Record) and isinstance(item.get("id"), str) and item.get("rule") in RULES):
            problems.append(Problem(shown, line, f"each known gap needs an 'id' and a 'rule' (one of: {', '.join(RULES)})"))
            continue
        gaps.append((item["id"], item["rule"], line))
    return gaps, problems


def check(site, data_dir: Path, shown_gaps: str) -> list[Problem]:
    """Every rule broken and not excused, and every excuse that is no longer needed."""
    rules = _Rules(site)
    rules.sources()
    rules.claims()
    rules.opinion_first()
    _registry_and_dates(rules)
    gaps, problems = read_known_gaps(Path(data_dir), shown_gaps)
    excused = {(rid, rule) for rid, rule, _ in gaps}
    broken = {(rid, rule) for rid, rule, _ in rules.found}
    problems += [p for rid, rule, p in rules.found if (rid, rule) not in excused]
    for rid, rule, line in gaps:
        if (rid, rule) not in broken:
            problems.append(Problem(shown_gaps, line, f"known gap '{rid}' ({rule}) is fixed: remove this entry"))
    return problems


def findings(site) -> list[tuple[str, str, Problem]]:
    """Every rule broken, excused or not (for tools/source_stats.py)."""
    rules = _Rules(site)
    rules.sources()
    rules.claims()
    rules.opinion_first()
    _registry_and_dates(rules)
    return rules.found
