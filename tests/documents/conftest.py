"""Documents built from the scenario samples once per run, signed with a station key made for the run.

Each rendered page is kept as a PNG under test-artifacts/documents/ (made with pdftoppm) for a person to look at.
"""

import dataclasses
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from heze_station.documents import issuing, signing
from tests import samples

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "test-artifacts" / "documents"

LONG_NAME = "阿卜杜热合曼·买买提明·艾则孜"
LONG_EMPLOYER = "菏泽市牡丹区万福街道鲁鑫建筑劳务分包有限责任公司万福嘉园三期项目第二劳务作业班组"


def collective_of_sixty() -> issuing.Content:
    """The 60-worker collective, with a long Uyghur name and a long employer name to wrap."""
    content = samples.collective_agreement(60, "菏谐调字〔2026〕第0130号")
    shares = list(content.workers)
    shares[7] = dataclasses.replace(shares[7], worker=dataclasses.replace(shares[7].worker, name=LONG_NAME))
    employer = dataclasses.replace(content.employer, name=LONG_EMPLOYER)
    return dataclasses.replace(content, workers=tuple(shares), employer=employer)


# name -> sample content factory; one at least for every kind of document.
SAMPLES: dict[str, Callable[[], issuing.Content]] = {
    "oral_application": samples.oral_application,
    "written_application": samples.written_application,
    "acceptance": samples.acceptance,
    "refusal": samples.refusal,
    "minutes": samples.minutes,
    "walk_in_agreement": samples.walk_in_agreement,
    "injury_agreement": samples.injury_agreement,
    "other_agreement": samples.other_agreement,
    "collective_agreement": samples.collective_agreement,
    "collective_agreement_60": collective_of_sixty,
    "service_receipt": samples.service_receipt,
    "termination": samples.termination,
    "referral": samples.referral,
    "payment_order": samples.payment_order,
    "confirmation": samples.confirmation,
}


@pytest.fixture(scope="session")
def station_key(tmp_path_factory: pytest.TempPathFactory) -> signing.StationKey:
    return signing.station_key(tmp_path_factory.mktemp("station"), samples.STATION_NAME)


@pytest.fixture(scope="session")
def issued(station_key: signing.StationKey) -> dict[str, issuing.IssuedDocument]:
    return {name: issuing.issue(factory(), station_key, uuid.uuid4()) for name, factory in SAMPLES.items()}


@pytest.fixture(scope="session")
def files(issued: dict[str, issuing.IssuedDocument], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    paths = {}
    for name, document in issued.items():
        paths[name] = folder / f"{name}.pdf"
        paths[name].write_bytes(document.pdf)
    return paths


def run(*command: str | Path, data: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], input=data, capture_output=True, check=False, timeout=120, **_text(data)
    )


def _text(data: bytes | None) -> dict:
    return {} if data is not None else {"text": True, "encoding": "utf-8"}


def extracted_text(path: Path) -> str:
    """pdftotext's text with all white space removed: lines break anywhere in Chinese."""
    result = run("pdftotext", path, "-")
    assert result.returncode == 0, result.stderr
    return "".join(result.stdout.split())
