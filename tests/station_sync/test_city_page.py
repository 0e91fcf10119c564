"""The city's supervision page in a real browser (issue 16): the distribution's Chromium driven by Playwright, against
a real server that two stations synced a month of cases to.

``HEZE_UPDATE_SCREENSHOTS=1`` also writes the figures page to docs/screenshots/city.png for the README.
"""

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from heze_station.server import reference
from heze_station.server.config import Settings
from heze_station.server.models import Station
from heze_station.server.web import accounts
from heze_station.services import sync
from tests.server.conftest import Server
from tests.statistics_cases import a_month_of_cases

from .conftest import Laptops

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium executable: scripts/system-packages.sh installs the distribution's package"
)
CHECKOUT = Path(__file__).resolve().parents[2]
NAME, PASSWORD = "市局督导", "正确的密码 correct horse"
FAILURES_ALLOWED = 3


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # Few wrong passwords allowed, so that the test reaches the throttle quickly.
    return Settings(data_dir=tmp_path / "server", auth_failures_allowed=FAILURES_ALLOWED)


@pytest.fixture
def city(server: Server) -> Server:
    """The city's server with the supervisor's account."""
    with server.database.transaction() as session:
        accounts.create_supervisor(session, NAME, PASSWORD)
    return server


@pytest.fixture
def city_with_cases(laptops: Laptops, city: Server) -> Server:
    """Two stations that synced a month of cases, in two districts, and a clue of the city's not yet worked off."""
    for laptop, station in (("前台", "城区驿站"), ("开发区", "开发区驿站")):
        context = laptops(laptop, station=station)
        a_month_of_cases(context)
        sync.sync_now(context)
    with city.database.transaction() as session:
        for station in session.query(Station):
            station.district = "牡丹区" if station.name == "城区驿站" else "开发区"
        clue = {"platform_ref": "GZQX-9", "station": "城区驿站", "due_on": "2026-11-20", "worker_name": "赵六"}
        reference.import_reference(session, reference.ReferenceFile(clues=[clue]))  # not yet worked off
    return city


def _fonts(folder: Path) -> dict[str, str]:
    """A fontconfig that adds the station's bundled CJK fonts, so the screenshot shows Chinese on a bare machine."""
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{CHECKOUT / 'resources' / 'fonts'}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(config)}


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One browser for the module; each test has a context of its own (cookies, downloads)."""
    with playwright_api.sync_playwright() as playwright:
        # --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        fonts = _fonts(tmp_path_factory.mktemp("chromium"))
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], env=fonts)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, city: Server):
    context = browser.new_context(base_url=city.url, accept_downloads=True, java_script_enabled=False)
    yield context.new_page()
    context.close()


def _sign_in(page, password: str = PASSWORD) -> None:
    page.goto("/city/sign-in")
    _fill_in(page, password)


def _fill_in(page, password: str = PASSWORD) -> None:
    page.get_by_label("用户名").fill(NAME)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


def test_a_supervisor_signs_in_reads_each_page_changes_the_period_and_downloads_the_return(
    page, city_with_cases: Server, tmp_path: Path
) -> None:
    page.goto("/city/figures?period=2026-10")
    assert "/city/sign-in?next=" in page.url  # no session: sent to sign in, and then back to the page asked for
    _fill_in(page)
    assert page.url.endswith("/city/figures?period=2026-10")
    assert page.locator("h2").inner_text() == "全市 · 2026年10月"
    page.get_by_role("link", name="驿站", exact=True).click()
    assert page.url.endswith("/city/")
    stations = page.locator("table tbody tr")
    assert stations.count() == 2
    first = stations.first.inner_text()
    assert "城区驿站" in first
    assert "牡丹区" in first
    cells = page.get_by_role("row", name="城区驿站").locator("td")
    assert cells.nth(4).inner_text().startswith("0（")  # both laptops sent everything they had
    assert cells.nth(7).inner_text() == "1"  # the case carried over from October is past its 15 days
    assert cells.last.inner_text() == "1（逾期 1）"  # the city's clue, open past its deadline

    page.get_by_role("link", name="统计").click()
    page.get_by_label("期间").fill("2026-11")
    page.get_by_label("驿站").select_option(label="城区驿站")
    page.get_by_role("button", name="查看").click()
    assert page.locator("h2").inner_text() == "城区驿站 · 2026年11月"
    assert page.locator('[data-key="received"]').first.inner_text() == "3"
    assert page.locator('[data-key="success_rate"]').inner_text() == "1 / 2（50.0%）"
    assert page.locator('[data-key="amount_recovered"]').first.inner_text() == "¥3,800.00"
    assert page.locator("svg").count() >= 3  # the charts, drawn by the server
    shot = page.screenshot(path=tmp_path / "city.png", full_page=True)
    assert shot.startswith(b"\x89PNG")
    if os.environ.get("HEZE_UPDATE_SCREENSHOTS"):
        (CHECKOUT / "docs" / "screenshots" / "city.png").write_bytes(shot)

    page.get_by_label("区县").select_option(label="全市")
    page.get_by_label("驿站").select_option(label="（全部）")
    page.get_by_role("button", name="查看").click()
    assert page.locator("h2").inner_text() == "全市 · 2026年11月"
    assert page.locator('[data-key="received"]').first.inner_text() == "6"
    page.get_by_role("link", name="上一期").click()
    assert page.locator("h2").inner_text() == "全市 · 2026年10月"
    assert page.locator('[data-key="received"]').first.inner_text() == "2"

    page.get_by_label("期间").fill("2026-Q4")
    page.get_by_role("button", name="查看").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="下载报表（.xlsx）").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "全市-季总结-2026-Q4.xlsx"
    workbook = load_workbook(saved)
    indicators = workbook.worksheets[0]
    assert indicators["A1"].value == "全市　季总结　2026年第4季度"
    rows = {row[0]: row[1:] for row in indicators.iter_rows(min_row=3, values_only=True)}
    assert rows["受理投诉"][0] == 8  # both stations: November's three and October's one each
    assert workbook.sheetnames[-1] == "指标口径"

    page.get_by_role("link", name="逾期").click()
    overdue = page.locator("table tbody tr")
    assert overdue.count() == 2
    assert "调解期限" in overdue.first.inner_text()

    page.get_by_role("button", name="退出").click()
    assert page.url.endswith("/city/sign-in")
    page.goto("/city/")
    assert page.url.endswith("/city/sign-in")  # the session ended with signing out


def test_a_wrong_password_is_refused_and_repeated_ones_are_throttled(page) -> None:
    _sign_in(page, "不对的密码 wrong")
    assert page.get_by_role("alert").inner_text() == "用户名或密码不正确。"
    assert page.url.endswith("/city/sign-in")
    for _ in range(FAILURES_ALLOWED):
        _sign_in(page, "不对的密码 wrong")
    assert "错误次数过多" in page.get_by_role("alert").inner_text()
    _sign_in(page)  # now not even the right password is tried: guessing learns nothing
    assert "错误次数过多" in page.get_by_role("alert").inner_text()
    page.goto("/city/")
    assert page.url.endswith("/city/sign-in")


def test_odd_parameters_and_tokens_get_a_page_and_a_message_never_a_server_error(page, today: date) -> None:
    _sign_in(page)
    page.goto("/city/figures")
    # How to write a period, shown with this month's and this quarter's codes: an example never names another quarter.
    quarter = (today.month - 1) // 3 + 1
    assert f"月 {today:%Y-%m}，季度 {today.year}-Q{quarter}" in page.locator("form.choose").inner_text()
    for period in ("9999-W52", "0001", "0001-Q1", "3000-01-01..5000-12-31", "<script>"):
        answer = page.goto(f"/city/figures?period={period}")
        assert answer.status == 422, period  # the page still shows this month, and says why
        assert "已显示本月" in page.content(), period
        assert page.request.get(f"/city/returns.xlsx?period={period}").status < 500, period
    assert page.goto("/city/figures?station=not-a-uuid&district=%3Cb%3E").status == 422
    assert "已显示全市" in page.content()
    assert page.request.post("/city/sign-out", form={"csrf": "中文令牌"}).status == 403
    page.context.clear_cookies()
    page.goto("/city/sign-in")
    assert page.request.post("/city/sign-in", form={"csrf": "中", "name": "名" * 500, "password": "x"}).status == 403


def test_a_post_without_the_csrf_token_is_refused(page) -> None:
    _sign_in(page)
    assert page.url.endswith("/city/")
    refused = page.request.post("/city/sign-out", form={"csrf": "forged"})
    assert refused.status == 403
    assert page.request.post("/city/sign-in", form={"name": NAME, "password": PASSWORD}).status == 403
    page.goto("/city/")
    assert page.url.endswith("/city/")  # still signed in: the forged sign-out did nothing


def test_either_of_two_sign_in_forms_open_in_tabs_signs_in_and_the_other_then_says_so(page) -> None:
    """A browser that restores its tabs after the session ended shows the sign-in form in each: whichever the
    supervisor uses signs in; one submitted after that says so in plain words, and shows the form again."""
    other = page.context.new_page()
    page.goto("/city/figures")
    other.goto("/city/overdue")
    assert "/city/sign-in?next=" in page.url
    assert "/city/sign-in?next=" in other.url
    for tab in (page, other):
        tab.get_by_label("用户名").fill(NAME)
        tab.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    assert page.url.endswith("/city/figures")
    other.get_by_role("button", name="登录").click()
    assert "请重新登录" in other.content()
    assert other.get_by_label("密码").is_visible()


def test_a_signed_out_session_opens_nothing_even_with_its_old_cookie(page) -> None:
    _sign_in(page)
    cookies = page.context.cookies()
    page.get_by_role("button", name="退出").click()
    assert page.url.endswith("/city/sign-in")
    page.context.add_cookies(cookies)  # the old cookie, kept by somebody who copied it
    page.goto("/city/")
    assert page.url.endswith("/city/sign-in")


def test_a_district_supervisor_sees_and_counts_that_districts_stations_only(
    page, city_with_cases: Server, tmp_path: Path
) -> None:
    with city_with_cases.database.transaction() as session:
        accounts.create_supervisor(session, "牡丹区督导", PASSWORD, district="牡丹区")
    page.goto("/city/sign-in")
    page.get_by_label("用户名").fill("牡丹区督导")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    assert page.locator("h2").inner_text().startswith("牡丹区各驿站同步与期限情况")
    assert page.locator("table tbody tr").count() == 1
    page.get_by_role("link", name="统计").click()
    page.get_by_label("期间").fill("2026-11")
    page.get_by_role("button", name="查看").click()
    assert page.locator("h2").inner_text() == "牡丹区 · 2026年11月"
    assert page.locator('[data-key="received"]').first.inner_text() == "3"  # 城区驿站's; the city counted 6
    assert page.get_by_label("区县").locator("option").all_inner_texts() == ["牡丹区"]
    assert page.get_by_label("驿站").locator("option").all_inner_texts() == ["（全部）", "城区驿站"]
    page.screenshot(path=tmp_path / "district.png", full_page=True)


LONG_NAME = "菏泽市牡丹区人民政府皇镇街道劳动争议调解驿站"  # a station's official name, as a city registers it


@pytest.fixture
def long_named(city_with_cases: Server) -> Server:
    with city_with_cases.database.transaction() as session:
        session.query(Station).filter_by(name="城区驿站").one().name = LONG_NAME
    return city_with_cases


def test_a_long_station_name_shows_whole_in_the_chart(page, long_named: Server, tmp_path: Path) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    _sign_in(page)
    page.goto("/city/figures?period=2026-11")
    chart = page.locator('svg[aria-label="受理投诉（按驿站，前20）"]')
    label = chart.locator("text", has_text=LONG_NAME)
    assert label.text_content() == LONG_NAME  # not cut short, and not cut off on the left (it was: 民政府皇镇街道…)
    assert label.bounding_box()["x"] >= chart.bounding_box()["x"]
    page.screenshot(path=tmp_path / "figures-1366.png", full_page=True)


@pytest.mark.parametrize("path", ["/city/", "/city/figures?period=2026-11", "/city/overdue"])
def test_a_phone_shows_each_page_without_scrolling_sideways(
    browser, long_named: Server, tmp_path: Path, path: str
) -> None:
    """At a phone's 390 px the page fits the screen: the header wraps, the station list fits, a chart shrinks, and a
    table wider than the screen scrolls in its own box."""
    context = browser.new_context(
        base_url=long_named.url, java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    _sign_in(page)
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=tmp_path / "phone.png", full_page=True)
    context.close()


def test_a_mistyped_period_stays_in_the_box_to_be_corrected_and_chinese_periods_are_read(page) -> None:
    _sign_in(page)
    page.goto("/city/figures")
    page.get_by_label("期间").fill("2026-11-01..2026-11-1S")
    page.get_by_role("button", name="查看").click()
    alert = page.get_by_role("alert").inner_text()
    assert "两个日期 2026-11-01..2026-11-15" in alert  # the form the box takes is named
    assert page.get_by_label("期间").input_value() == "2026-11-01..2026-11-1S"  # not this month's code in its place
    page.get_by_label("期间").fill("2026-11-01 至 2026-11-15")
    page.get_by_role("button", name="查看").click()
    assert page.locator("h2").inner_text() == "全市 · 2026年11月1日至2026年11月15日"
    page.get_by_label("期间").fill("2026年10月")
    page.get_by_role("button", name="查看").click()
    assert page.locator("h2").inner_text() == "全市 · 2026年10月"


def test_a_link_to_the_return_opens_its_figures_once_signed_in(page) -> None:
    """A download, followed after the sign-in, left the form on screen, whose 登录 then said it had expired."""
    page.goto("/city/returns.xlsx?period=2026-10")
    _fill_in(page)
    assert page.url.endswith("/city/figures?period=2026-10")
    assert page.locator("h2").inner_text() == "全市 · 2026年10月"
    assert page.get_by_role("link", name="下载报表（.xlsx）").is_visible()
