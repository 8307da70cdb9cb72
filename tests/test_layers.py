"""
The layers of the code, lowest first: `common` (shared helpers), `zones`, `investments`, then
`portal` (what spans both). An import may only run downwards; these tests read every module's
import statements and fail on one that runs upwards.
"""

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

LAYERS = ["common", "zones", "investments", "portal"]
ROOT = Path(__file__).resolve().parent.parent


def modules_of(package):
    """Every module of a package, subpackages (migrations, commands, templatetags) included."""
    names = [package]
    path = [str(ROOT / package)]
    names += [info.name for info in pkgutil.walk_packages(path, prefix=f"{package}.")]
    return names


def imported_packages(module_name):
    """The top-level package of every absolute import in a module's source."""
    module = importlib.import_module(module_name)
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


@pytest.mark.parametrize("layer", LAYERS[:-1])
def test_no_module_imports_a_layer_above_its_own(layer):
    above = set(LAYERS[LAYERS.index(layer) + 1 :])
    upward = {
        name: sorted(above & set(imported_packages(name)))
        for name in modules_of(layer)
        if above & set(imported_packages(name))
    }
    assert upward == {}


def test_every_layer_is_found():
    # Guards the test above: a package it could not walk would pass it with nothing checked.
    assert "zones.models" in modules_of("zones")
    assert "zones.migrations.0001_initial" in modules_of("zones")
    assert "common.caching" in modules_of("common")
    assert "portal.management.commands.load_facts" in modules_of("portal")
    assert "investments" in set(imported_packages("portal.management.commands.load_facts"))
