"""The Nu Html Checker finds no error in our markup (the theme's known ones are listed in README)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT, html_pages, require

JAR = ROOT / "tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that come from Material's own templates, each explained in README.md ("Known theme errors").
KNOWN_THEME_ERRORS = [
    ("Attribute “autocomplete” is only allowed when the input type is", 'type="checkbox"'),
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control", 'for="__toc"'),
]


def is_theme_error(message: dict) -> bool:
    return any(text in message["message"] and extract in message.get("extract", "") for text, extract in KNOWN_THEME_ERRORS)


@pytest.fixture(scope="module")
def checker():
    require(JAR.exists() and bool(shutil.which("java")),
            f"the Nu Html Checker needs java and {JAR.relative_to(ROOT)} (./run test installs both)")
    # C1 only and the serial collector: a short run, so half the CPU and the same findings.
    return ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m", "-jar", str(JAR)]


def test_no_html_errors_in_our_markup(checker, built_site):
    pages = [str(p) for p in html_pages(built_site)]
    result = subprocess.run([*checker, "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    ours = [m for m in messages if not is_theme_error(m)]
    assert not ours, [(m["url"].split("/site")[-1], m["message"], m.get("extract", "")[:120]) for m in ours[:10]]
