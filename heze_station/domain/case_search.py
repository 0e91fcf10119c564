"""What a search for cases means, and why a case matched it.

Several words mean all of them, in any order and anywhere in the case ("李 磊", "371724 1966"), as in any search
box; a space typed in the input method's full-width mode separates words too. A case lists, for each field a
word was found in, that field: the coordinator sees at once why a case is on the list. An ID number or a phone
that matched is shown masked as everywhere else, with only the fragments typed revealed: those the coordinator
knows already.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .identifiers import mask_resident_id
from .messages import QT_TRANSLATE_NOOP

# A fact is long; the words around the match are enough to recognise it.
CONTEXT_CHARACTERS = 8


class SearchField(StrEnum):
    """The fields of a case that a search looks in, in the order a match is reported."""

    NAME = "name"
    ID_NUMBER = "id_number"
    PHONE = "phone"
    EMPLOYER = "employer"
    CREDIT_CODE = "credit_code"
    EMPLOYER_ID_NUMBER = "employer_id_number"
    PROJECT = "project"
    NUMBER = "number"
    FACTS = "facts"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def personal(self) -> bool:
        return self in (SearchField.ID_NUMBER, SearchField.PHONE, SearchField.EMPLOYER_ID_NUMBER)


_LABELS = {
    SearchField.NAME: QT_TRANSLATE_NOOP("Domain", "Name"),
    SearchField.ID_NUMBER: QT_TRANSLATE_NOOP("Domain", "ID number"),
    SearchField.PHONE: QT_TRANSLATE_NOOP("Domain", "Phone number"),  # "Phone" is the channel, a call
    SearchField.EMPLOYER: QT_TRANSLATE_NOOP("Domain", "Employer"),
    SearchField.CREDIT_CODE: QT_TRANSLATE_NOOP("Domain", "Credit code"),
    SearchField.EMPLOYER_ID_NUMBER: QT_TRANSLATE_NOOP("Domain", "Employer's ID number"),
    SearchField.PROJECT: QT_TRANSLATE_NOOP("Domain", "Project"),
    SearchField.NUMBER: QT_TRANSLATE_NOOP("Domain", "Case number"),
    SearchField.FACTS: QT_TRANSLATE_NOOP("Domain", "Facts"),
}


@dataclass(frozen=True)
class Hit:
    """A field a search word was found in, and its value as the list may show it."""

    field: SearchField
    shown: str


# Groups of three or more digits joined by marks are words apart, as if a space joined them: a case asked for as
# "2026-0001" (its number reads 〔2026〕第0001号), a phone as "139-1234-0817" (stored without the dashes). Shorter
# groups stay one word: an amount ("3.5") or a date ("2025-6-1") split would find every case with a 3 and a 5.
_MARKS = "-‐‑–—－/／.．·"
_NUMBER_IN_GROUPS = re.compile(rf"\d{{3,}}(?:[{_MARKS}]\d{{3,}})+")
_MARK = re.compile(rf"[{_MARKS}]")


def search_words(query: str) -> list[str]:
    """The words of a query, each once, in the order typed."""
    spaced = _NUMBER_IN_GROUPS.sub(lambda number: _MARK.sub(" ", number.group()), query)
    return list(dict.fromkeys(spaced.split()))


def folded(text: str) -> str:
    # As the index compares: full-width digits and letters as ASCII ones, capitals as small ones.
    return unicodedata.normalize("NFKC", text).casefold()


def _spans(value: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Where each word stands in ``value`` (its first occurrence); the same length after folding is assumed,
    which holds for the digits, letters and Chinese characters of the fields searched."""
    text = folded(value)
    if len(text) != len(value):
        text = value.casefold()
    spans = []
    for word in words:
        start = text.find(folded(word))
        if start >= 0:
            spans.append((start, start + len(word)))
    return spans


def _shown(field: SearchField, value: str, spans: list[tuple[int, int]]) -> str:
    if field.personal:
        # Masked as on every screen, with the fragments typed revealed.
        characters = list(mask_resident_id(value))
        for start, end in spans:
            characters[start:end] = value[start:end]
        return "".join(characters)
    if field is SearchField.FACTS:
        start = max(min(start for start, _ in spans) - CONTEXT_CHARACTERS, 0)
        end = min(max(end for _, end in spans) + CONTEXT_CHARACTERS, len(value))
        excerpt = " ".join(value[start:end].split())
        return ("…" if start else "") + excerpt + ("…" if end < len(value) else "")
    return value


def hits(words: Sequence[str], fields: Sequence[tuple[SearchField, str]]) -> list[Hit]:
    """The fields (of one case, in report order) that contain one of ``words``, each value once."""
    found = []
    for field, value in fields:
        spans = _spans(value, words) if value else []
        if spans:
            found.append(Hit(field, _shown(field, value, spans)))
    return list(dict.fromkeys(found))
