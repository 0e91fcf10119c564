"""Statements over many keys go in batches: SQLite limits the number of parameters one statement may bind."""

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

PARAMETERS_PER_STATEMENT = 500


def batches(items: Sequence[T], size: int = PARAMETERS_PER_STATEMENT) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
