"""Golden files: each sample document, built in reportlab's invariant mode, is byte for byte the reviewed PDF
in tests/documents/golden/. A change to layout, wording or font shows up here first.

After an intended change, look at the new pages (test-artifacts/documents/golden-new/), then refresh with
``HEZE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/documents/test_golden.py``.
"""

import os
from pathlib import Path

import pytest

from heze_station.documents import issuing

from .conftest import ARTEFACTS, SAMPLES, run

GOLDEN = Path(__file__).with_name("golden")
# One sample per kind of document (the 23- and 60-worker agreements differ from the walk-in one in data only).
KINDS = [name for name in SAMPLES if name not in ("collective_agreement", "collective_agreement_60")]


@pytest.mark.parametrize("name", KINDS)
def test_document_matches_its_golden_file(name: str) -> None:
    built = issuing.build_unsigned(SAMPLES[name](), invariant=True)
    golden = GOLDEN / f"{name}.pdf"
    if os.environ.get("HEZE_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(built)
    assert golden.exists(), f"no golden file yet: run with HEZE_UPDATE_GOLDEN=1 to write {golden}"
    if built != golden.read_bytes():
        new = ARTEFACTS / "golden-new"
        new.mkdir(parents=True, exist_ok=True)
        (new / golden.name).write_bytes(built)
        run("pdftoppm", "-r", "60", "-png", new / golden.name, new / name)
        pytest.fail(f"{name} differs from {golden}; the new pages are in {new}")


def test_invariant_builds_are_reproducible() -> None:
    content = SAMPLES["walk_in_agreement"]()
    assert issuing.build_unsigned(content, invariant=True) == issuing.build_unsigned(content, invariant=True)


def test_a_document_is_the_same_whatever_was_built_before_it() -> None:
    """The station's seal is converted once per process and each paragraph style read once: nothing of one
    document may show in the next: the 60-worker agreement (a roster over several pages) is the same before and
    after the minutes (signatures on every page) and another agreement are built."""
    content = SAMPLES["collective_agreement_60"]()
    first = issuing.build_unsigned(content, invariant=True)
    for other in ("minutes", "walk_in_agreement"):
        issuing.build_unsigned(SAMPLES[other](), invariant=True)
    assert issuing.build_unsigned(content, invariant=True) == first
