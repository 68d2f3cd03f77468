"""The explainer site's own logic: load and check the data, and write the Markdown made from it.

MkDocs hooks in overrides/hooks/ are thin wrappers around this package, so the logic is
plain Python that tests can call without a build.
"""
