"""zh_CN is the default language and must be complete: every tr() string in the code has a Chinese translation."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from heze_station import paths

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = paths.resource("i18n", "heze_station_zh_CN.ts")
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
PLACEHOLDER = re.compile(r"\{\w*\}")


@pytest.fixture(scope="module")
def refreshed_catalogue(tmp_path_factory: pytest.TempPathFactory) -> ElementTree.Element:
    """The committed catalogue, updated with the strings the code has now (new ones arrive untranslated)."""
    copy = tmp_path_factory.mktemp("i18n") / CATALOGUE.name
    shutil.copy(CATALOGUE, copy)
    subprocess.run(
        [
            str(LUPDATE),
            "-extensions",
            "py",
            "-no-obsolete",
            "-locations",
            "none",
            str(ROOT / "heze_station"),
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
    )
    return ElementTree.parse(copy).getroot()


def _messages(root: ElementTree.Element) -> list[tuple[str, str, ElementTree.Element]]:
    return [
        (context.findtext("name", ""), message.findtext("source", ""), message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_user_visible_string_has_a_chinese_translation(refreshed_catalogue: ElementTree.Element) -> None:
    messages = _messages(refreshed_catalogue)
    assert len(messages) > 100, "lupdate found suspiciously few strings"
    missing = [
        f"{context}: {source}"
        for context, source, translation in messages
        if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip()
    ]
    assert not missing, "untranslated (run `make translations` and translate):\n" + "\n".join(missing)


def test_translations_keep_every_placeholder(refreshed_catalogue: ElementTree.Element) -> None:
    broken = [
        f"{context}: {source} -> {translation.text}"
        for context, source, translation in _messages(refreshed_catalogue)
        if translation is not None
        and translation.text
        and sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation.text))
    ]
    assert not broken, "\n".join(broken)
