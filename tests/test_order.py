"""One order for each kind of list: verdict badges in the scale's order, events in the one order
of partial dates (explainer/dates.py) on the timeline and on every glossary entry alike."""

from __future__ import annotations

import re

from explainer import dates, reading, timeline
from explainer.pages import generated_pages
from explainer.scales import VERDICTS


def test_badges_follow_the_scale_not_the_order_met():
    shown = reading.badges("verdict", ["inaccurate", "accurate", "inaccurate", "needs-context"])
    order = re.findall(r"badge--verdict badge--([a-z-]+)", shown)
    assert order == [v for v in VERDICTS if v in {"inaccurate", "accurate", "needs-context"}], order
    assert order == ["accurate", "needs-context", "inaccurate"], f"badges out of the scale's order: {order}"
    assert "2 × " in shown


def test_a_date_known_to_the_month_comes_after_the_dated_days_of_that_month():
    written = ["2020-10", "2020-10-11", "2020-09-30", "2020", "2021-01-01", "2020-12-31"]
    assert sorted(written, key=dates.sort_key) == ["2020-09-30", "2020-10-11", "2020-10", "2020-12-31", "2020", "2021-01-01"]


def test_partial_dates_parse_once():
    assert dates.parse("2020-02-29").precision == "day"
    assert dates.parse("2020-02").last_day.isoformat() == "2020-02-29"
    assert dates.parse("2020").last_day.isoformat() == "2020-12-31"
    for bad in ("2019-02-29", "2014-06-31", "2020-13", "0000", "20 March 2003", "2020-1-3", None, 2020):
        assert dates.parse(bad) is None, bad


def test_the_timeline_and_glossary_entries_list_events_in_one_order(site):
    ordered = [e.id for e in timeline.ordered(site)]
    by_month: dict[str, list] = {}
    for event in timeline.ordered(site):
        by_month.setdefault(event.date[:7], []).append(event)
    for month, events in by_month.items():
        days = [len(e.date) == 10 for e in events]
        assert days == sorted(days, reverse=True), f"{month}: an event known only to the month stands before a dated one: {[e.id for e in events]}"
    position = {event_id: n for n, event_id in enumerate(ordered)}
    for path, page in generated_pages(site).items():
        listed = re.findall(r"\]\(\.\./timeline\.md#([a-z0-9-]+)\)", page.markdown.split("## On the timeline", 1)[-1].split("\n## ", 1)[0])
        assert listed == sorted(listed, key=position.get), f"{path}: events not in the timeline's order: {listed}"
