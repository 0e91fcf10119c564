"""The document benchmark measures what it says: real builds and signatures (the figures come from make bench)."""

import subprocess

from bench import documents


def test_one_page_baseline_embeds_the_same_face(tmp_path) -> None:
    path = tmp_path / "one.pdf"
    path.write_bytes(documents.one_page_pdf())
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "UMingCN" in fonts
    assert len(fonts.splitlines()) == 3  # header, rule, the one embedded face


def test_measure_times_every_document() -> None:
    times = documents.measure(runs=2)
    for timings in (times.baseline, times.agreement, times.collective, times.collective_60):
        assert len(timings.values) == 2
        assert all(value > 0 for value in timings.values)


def test_a_missed_goal_can_show_where_an_issue_spends_its_time() -> None:
    lines = documents.profile_issue("collective_60", runs=1, top=3)
    assert len(lines) == 3
    assert all(" ms, with callees " in line and "calls an issue" in line for line in lines)
