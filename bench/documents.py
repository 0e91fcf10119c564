"""Issuing a document: the agreement built and digitally signed, against a one-page reportlab PDF in the same face.

The baseline is the least reportlab does to produce a PDF with the embedded, subset Chinese face: one page, one
paragraph. Both are timed alternately in the same process, after one unmeasured warm-up each (font parsing,
imports), so machine noise hits both alike.
"""

import cProfile
import io
import pstats
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from heze_station.documents import fonts, issuing, signing
from heze_station.documents.content import AgreementContent
from tests import samples


@dataclass(frozen=True)
class Timings:
    values: list[float]  # milliseconds

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.values, n=20)[-1]


def one_page_pdf() -> bytes:
    face = fonts.register()
    output = io.BytesIO()
    style = ParagraphStyle("body", fontName=face, fontSize=16, leading=28, wordWrap="CJK")
    text = samples.walk_in_agreement().facts
    SimpleDocTemplate(output, pagesize=A4, initialFontName=face).build([Paragraph(text, style)])
    return output.getvalue()


def _time(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


@dataclass(frozen=True)
class DocumentTimes:
    baseline: Timings
    agreement: Timings  # scenario 2: one worker, build + sign
    collective: Timings  # scenario 1: 23 workers, general contractor, 3 instalments
    collective_60: Timings


def agreements() -> dict[str, AgreementContent]:
    return {
        "agreement": samples.walk_in_agreement(),
        "collective": samples.collective_agreement(),
        "collective_60": samples.collective_agreement(60, "菏谐调字〔2026〕第0130号"),
    }


def measure(runs: int = 30) -> DocumentTimes:
    with tempfile.TemporaryDirectory(prefix="heze-bench-documents-") as folder:
        key = signing.station_key(Path(folder), samples.STATION_NAME)
        contents = agreements()

        def issue(name: str) -> Callable[[], object]:
            return lambda: key.sign(issuing.build_unsigned(contents[name]))

        actions = {"baseline": one_page_pdf, **{name: issue(name) for name in contents}}
        for action in actions.values():
            action()  # warm-up: the font collection is parsed, the key loaded
        times: dict[str, list[float]] = {name: [] for name in actions}
        for _ in range(runs):
            for name, action in actions.items():
                times[name].append(_time(action))
    return DocumentTimes(*(Timings(times[name]) for name in ("baseline", "agreement", "collective", "collective_60")))


def profile_issue(name: str, runs: int = 10, top: int = 12) -> list[str]:
    """Where issuing the agreement ``name`` (of ``agreements``) spends its time: cProfile over ``runs`` issues after a
    warm-up, the ``top`` functions by their own processor time, in milliseconds an issue."""
    content = agreements()[name]
    with tempfile.TemporaryDirectory(prefix="heze-bench-documents-") as folder:
        key = signing.station_key(Path(folder), samples.STATION_NAME)
        key.sign(issuing.build_unsigned(content))
        profiler = cProfile.Profile(time.process_time)  # this process's own time: the machine may be shared
        profiler.enable()
        for _ in range(runs):
            key.sign(issuing.build_unsigned(content))
        profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    busiest = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:top]
    return [
        f"{Path(filename).name}:{line}({function}) own {own / runs * 1000:.1f} ms, "
        f"with callees {cumulative / runs * 1000:.1f} ms, {calls // runs} calls an issue"
        for (filename, line, function), (_primitive, calls, own, cumulative, _callers) in busiest
    ]
