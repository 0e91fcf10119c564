"""A character or two typed into search find exactly the texts that hold them (storage.search.pieces with the index's
prefixes), whatever stands around them: Chinese, digits, letters, punctuation, rare characters, white space."""

import random
import string
import unicodedata
from pathlib import Path

from heze_station.storage import search
from tests.stations import open_test_station

_CHARACTERS = [
    *"工资拖欠项目建筑劳务公司菏泽曹县年月日元张王李",
    *"0123456789abcXYZ",
    *"-_%\"'()*:^.,",
    *"\ue000，。éＡ",  # a private-use character (a rare name), Chinese punctuation, accented and full-width letters
    *" \u3000\n\t",  # white space, which no query holds: its words are split there
]
_SMALL = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _holds(text: str, query: str) -> bool:
    """As search sees it: within a word, capitals of ASCII as small letters, and a query typed in full width (Ａ，)
    as itself or as its ASCII form."""
    forms = {query, unicodedata.normalize("NFKC", query)}
    return any(form.translate(_SMALL) in word.translate(_SMALL) for form in forms for word in text.split())


def test_every_character_and_pair_finds_exactly_the_texts_that_hold_it(tmp_path: Path) -> None:
    rng = random.Random(20261206)
    texts = ["".join(rng.choices(_CHARACTERS, k=rng.randint(0, 40))) for _ in range(200)]
    queries = {word[start : start + size] for text in texts for word in text.split() for size in (1, 2)
               for start in range(len(word) - size + 1)}  # fmt: skip
    queries |= {"".join(rng.choices(_CHARACTERS[:-4], k=rng.randint(1, 2))) for _ in range(150)}  # some held by none
    station = open_test_station(tmp_path / "data")
    try:
        with station.database.transaction() as session:
            search.write_entries(session.connection(), list(enumerate(texts, start=1_000_000)))
            found = {query: search.count_candidates(session, query) for query in queries}
            session.rollback()
    finally:
        station.close()
    expected = {query: sum(_holds(text, query) for text in texts) for query in queries}
    assert found == expected
    assert sum(1 for count in expected.values() if count == 0) > 20  # queries that no text holds are among them
