"""The licence the package declares is in the repository, in full."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_mit_licence_is_at_the_root_and_matches_the_package():
    text = (ROOT / "LICENSE").read_text()
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]
    assert declared == "MIT"
    assert text.startswith("MIT License\n\nCopyright (c) 2026 The careerplan authors\n")
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in text
