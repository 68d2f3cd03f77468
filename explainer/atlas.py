"""The "At a glance" pages, assembled: connections, map (and their citations for the sources page).

The work is split by job (issue 13): ``measure`` estimates text widths, ``connections`` draws
the argument and the network, ``geomap`` the map, ``timeline`` the timeline page. This module
only names the writers the page markers call, so pages.py and sources_page.py need not know
the split.
"""

from __future__ import annotations

from . import connections, geomap
from .data import Site


def connections_markdown(site: Site, src: str = connections.PAGE) -> str:
    return connections.markdown(site, src)


def map_markdown(site: Site, src: str = geomap.PAGE) -> str:
    return geomap.markdown(site, src)


def citations(site: Site):
    yield from connections.citations(site)
    yield from geomap.citations(site)
