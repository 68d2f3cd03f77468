"""Tools around the site that are not site logic: a local server, the offline copy, the records
of published addresses and verdicts, the Markdown-forward check, a Chromium launcher.

The site's logic is the ``explainer`` package; nothing in it imports from here.
"""
