"""A tool script (tools/<folder>/<name>.py, outside any package) loaded as a module by its path,
without putting its folder on sys.path (explainer and devtools are installed: no patch needed)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def load_script(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module  # as an import would: dataclasses and pickling look it up
    spec.loader.exec_module(module)
    return module
