"""The supervision page's bar charts (web/charts.py): every label readable, whatever its length."""

import re

from heze_station.server.web.charts import Bar, bars


def test_a_label_too_long_for_any_column_is_cut_short_and_shows_whole_as_the_tooltip() -> None:
    name = "菏泽市牡丹区人民政府皇镇街道劳动争议调解驿站" * 2
    chart = bars("受理投诉（按驿站，前20）", [Bar(name, 3, "3"), Bar("开发区驿站", 1, "1")])
    labels = re.findall(r'text-anchor="end">([^<]*)<', chart)
    assert labels[0].endswith("…")
    assert name.startswith(labels[0][:-1])
    assert f"<title>{name}：3</title>" in chart
    assert int(re.search(r'width="(\d+)"', chart)[1]) < 1000  # not as wide as the name
