"""The supervision pages under /city: sign in and out, stations, figures, overdue deadlines, the return as .xlsx.

Every page but the sign-in form needs a session; without one the browser is sent to sign in. Every POST carries
the session's CSRF token (the sign-in form, before any session, a cookie's). Reading pages are GET forms, so the
period, district and station chosen stay in the address and can be bookmarked.
"""

import logging
import re
import secrets
import threading
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Annotated
from urllib.parse import parse_qs, quote, unquote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from ...domain import chinatime, statistics
from ...domain.errors import InvalidInput
from ...domain.periods import ENDS_BEFORE_IT_BEGINS, FIRST_YEAR, Period, PeriodKind, containing, parse
from .. import city_figures, overdue, supervision
from ..auth import Throttle
from ..city_figures import CityReport
from ..config import Settings
from ..db import Database
from ..deps import DatabaseDep, Realm, SettingsDep, address_key, count_failure
from ..models import Device, Station, SyncRow
from ..synced import Scope
from . import accounts, charts
from .chinese import RETURN_TITLES, day, group, period_name, shown, tr
from .reports import Made, Reports
from .workbook import return_xlsx

SESSION_COOKIE = "heze_city_session"
SIGN_IN_CSRF_COOKIE = "heze_city_sign_in"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Figures over a longer span would be counted week by week for every station: one request could hold a worker. A
# year's first and last days are 365 apart in a leap year too (366 let a year and a day through).
LONGEST_PERIOD = timedelta(days=365)
QUOTED_CHARS = 40  # of a bad parameter, repeated in the message about it
FIRST_PERIODS = (PeriodKind.MONTH, PeriodKind.QUARTER)  # the whole city's, counted as a process starts (warm_up)

log = logging.getLogger(__name__)
router = APIRouter(prefix="/city", include_in_schema=False)
# The server's bare address, as a supervisor types it: the city's pages, not an API's English "Not Found".
root = APIRouter(include_in_schema=False)


@root.get("/")
def city_pages() -> RedirectResponse:
    return RedirectResponse("/city/", status_code=303)


templates = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=select_autoescape(default=True),
)
templates.globals.update(
    tr=tr,
    day=day,
    group=group,
    shown=shown,
    value_text=statistics.value_text,
    moment=lambda at: at.astimezone(chinatime.CHINA_TZ).strftime("%Y-%m-%d %H:%M"),
)
HEADERS = {
    # No script at all, nothing framed: the page is figures and forms.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",  # frame-ancestors for the browsers that read only this (IE mode)
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def _page(name: str, status: int = 200, **values: object) -> HTMLResponse:
    return HTMLResponse(templates.get_template(name).render(**values), status_code=status, headers=HEADERS)


def _sign_in_needed(request: Request) -> StarletteHTTPException:
    """To the sign-in form, which comes back to the page asked for (a bookmark, a link from a colleague's mail)."""
    location = "/city/sign-in"
    if request.method == "GET" and request.url.path != "/city/":
        wanted = f"{request.url.path}?{request.url.query}" if request.url.query else request.url.path
        location += f"?{urlencode({'next': wanted})}"
    return StarletteHTTPException(303, "Sign in first.", headers={"Location": location})


# A page of these (a path and a query, as a browser sends them: percent-encoded), and not the sign-in's own.
_PAGE = re.compile(r"/city/(?!sign-)[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*")


def _after_sign_in(wanted: str) -> str:
    """Where a sign-in goes: the page asked for before it, if that is one of these pages (never another site's: a
    link to the sign-in form must not send a supervisor elsewhere once signed in); else the stations."""
    path, mark, query = wanted.partition("?")
    # A dot-segment, percent-encoded too (/city/../v1/…, /city/%2e%2e/…), leads out of /city once the browser
    # resolves it.
    if not _PAGE.fullmatch(wanted) or "//" in wanted or {".", ".."} & set(unquote(path).split("/")):
        return "/city/"
    if path == "/city/returns.xlsx":
        # A download leaves the sign-in form on screen, its token spent (登录 again: 登录页面已过期): the figures
        # of the same period and scope instead, which link to the return.
        return f"/city/figures{mark}{query}"
    return wanted


_recent_sessions = accounts.RecentSessions()


def get_signed_in(request: Request, database: DatabaseDep) -> accounts.SignedIn:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        raise _sign_in_needed(request)
    if found := _recent_sessions.get(token):
        return found
    with database.transaction() as session:
        found = accounts.signed_in(session, token)
    if found is None:
        raise _sign_in_needed(request)
    _recent_sessions.keep(token, found)
    return found


SignedInDep = Annotated[accounts.SignedIn, Depends(get_signed_in)]


async def _form(request: Request) -> dict[str, str]:
    """An urlencoded form's fields (the pages post nothing else; no multipart parser needed)."""
    body = (await request.body()).decode("utf-8", errors="replace")
    return {key: values[0] for key, values in parse_qs(body, keep_blank_values=True).items()}


def _csrf_refused() -> HTMLResponse:
    """The answer to a form that did not come from these pages (or from one loaded before the session changed)."""
    return problem_page(403, "这个表单不是从监管页面提交的，或页面已过期：没有执行任何操作。请刷新页面后重试。")


# What a person is told who asks the pages for an address they do not have, or in a way they do not answer.
_HTTP_PROBLEMS = {
    404: "没有这个页面。请从监管页面的链接进入。",
    405: "这个页面不接受这样的请求：没有执行任何操作。请从监管页面的链接进入。",
}


def problem_page(status: int, problem: str | None = None) -> HTMLResponse:
    """A page that says in Chinese what went wrong, with a way back to the city's page."""
    problem = problem or _HTTP_PROBLEMS.get(status, f"无法处理这个请求（{status}）：没有执行任何操作。")
    return _page("problem.html", status, who=None, problem=problem, back="/city/")


# --- signing in and out ------------------------------------------------------------------------------------------


@router.get("/sign-in")
def sign_in_form(request: Request, database: DatabaseDep, wanted: Annotated[str, Query(alias="next")] = "") -> Response:
    kept = request.cookies.get(SIGN_IN_CSRF_COOKIE)
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return _sign_in_page(None, kept=kept, wanted=wanted)
    with database.transaction() as session:
        signed = accounts.signed_in(session, token)
    if signed is not None:  # signed in already (a bookmark of this form): the page asked for
        return RedirectResponse(_after_sign_in(wanted), status_code=303)
    # The browser still holds the cookie of a session that ended: the supervisor is told why the form is back.
    minutes = int(accounts.SESSION_IDLE.total_seconds() // 60)
    ended = f"登录已结束（{minutes}分钟没有操作，或登录已满{accounts.SESSION_HOURS}小时），请重新登录。"
    response = _sign_in_page(ended, kept=kept, wanted=wanted)
    response.delete_cookie(SESSION_COOKIE, path="/city")
    return response


def _sign_in_page(message: str | None, status: int = 200, *, kept: str | None = None, wanted: str = "") -> Response:
    """The sign-in form, with the token its post must carry back and the page to go to once signed in. ``kept``:
    the browser's token, kept, so that every sign-in form open in its tabs (restored after a session ended) signs
    in, not only the last one loaded."""
    csrf = kept if kept and _TOKEN.fullmatch(kept) else secrets.token_urlsafe(32)
    response = _page("sign_in.html", status, csrf=csrf, message=message, wanted=_after_sign_in(wanted))
    response.set_cookie(SIGN_IN_CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/city/sign-in")
    return response


_FILE_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')  # not allowed in a Windows file name
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")  # as secrets.token_urlsafe(32) makes them


# A name waits only after this many times an address's wrong passwords, from however many addresses: a few wrong
# passwords from anywhere must not lock a supervisor out (a name like 市局督导 is easily guessed), and guessing
# at one name from many addresses is still held back.
NAME_FAILURES_TIMES = 10


def _sign_in_wait(session, settings: Settings, address: str, named: str) -> int | None:
    """Seconds until a password may be tried again for this name from this address; None: now."""
    return Throttle(settings).wait(session, [address]) or Throttle(settings, NAME_FAILURES_TIMES).wait(session, [named])


@router.post("/sign-in")
async def sign_in(request: Request, database: DatabaseDep, settings: SettingsDep) -> Response:
    form = await _form(request)
    name, password, wanted = form.get("name", ""), form.get("password", ""), form.get("next", "")
    expected = request.cookies.get(SIGN_IN_CSRF_COOKIE)
    if not expected or not _same(expected, form.get("csrf", "")):
        # A form from another site, or one loaded before a sign-in in another tab: the form again, nothing done.
        return _sign_in_page(
            "登录页面已过期，或不是从监管页面提交的：没有执行任何操作。请重新登录。", 403, wanted=wanted
        )
    address = address_key(request, Realm.PAGES)
    # A NUL, which PostgreSQL's text cannot hold, is counted under a key the database can hold.
    named = f"supervisor:{name.strip()[: accounts.NAME_MAX].replace(chr(0), '?')}"
    # A supervisor's password is chosen by a person, not drawn at random like a device's secret: once an address or
    # a name is over its limit, not even the right password is tried (nor is Argon2 spent on a flood).
    with database.transaction() as session:
        wait = _sign_in_wait(session, settings, address, named)
    if wait is not None:
        return _sign_in_page(f"错误次数过多，请 {wait} 秒后再试。", 429, kept=expected, wanted=wanted)
    with database.transaction() as session:
        signed = accounts.sign_in(session, name, password)
    if signed is None:
        count_failure(database, settings, [address, named])
        with database.transaction() as session:
            wait = _sign_in_wait(session, settings, address, named)
        if wait is not None:
            return _sign_in_page(f"错误次数过多，请 {wait} 秒后再试。", 429, kept=expected, wanted=wanted)
        # The browser's token is kept: the other tabs' forms stay good.
        return _sign_in_page("用户名或密码不正确。", 401, kept=expected, wanted=wanted)
    token, _ = signed
    response = RedirectResponse(_after_sign_in(wanted), status_code=303)
    # No Max-Age: the cookie ends with the browser (an office's shared computer), the session at the latest after
    # SESSION_HOURS, as the server counts them.
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/city",
    )
    response.delete_cookie(SIGN_IN_CSRF_COOKIE, path="/city/sign-in")
    return response


@router.post("/sign-out")
async def sign_out(request: Request, database: DatabaseDep, who: SignedInDep) -> Response:
    form = await _form(request)
    if not _same(who.csrf_token, form.get("csrf", "")):
        return _csrf_refused()
    _recent_sessions.forget(request.cookies[SESSION_COOKIE])
    with database.transaction() as session:
        accounts.sign_out(session, request.cookies[SESSION_COOKIE])
    response = RedirectResponse("/city/sign-in", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/city")
    return response


def _same(expected: str, given: str) -> bool:
    """A token compared in constant time; as bytes, since a form may send any characters (str needs ASCII)."""
    return secrets.compare_digest(expected.encode(), given.encode())


# --- what the pages are about: period, district, station -------------------------------------------------------


def _reports(request: Request) -> Reports:
    return request.app.state.city_reports


@dataclass(frozen=True)
class Position:
    """What the pages' kept figures and lists (web/reports.Reports) are as of."""

    feed: int  # the change feed's last position: what is kept is counted again once it moved (and a minute passed)
    # The stations as the city registered them (ids, names, districts): a station made, renamed or put in a district
    # on the server moves no feed. Part of every kept item's key, so that the lists and sums show it at once.
    stations: int


def _position(session) -> Position:
    """Read for every page (a thousand stations' names take about a millisecond)."""
    stations = session.execute(select(Station.id, Station.name, Station.district).order_by(Station.id)).all()
    return Position(session.scalar(select(func.max(SyncRow.change_seq))) or 0, hash(tuple(map(tuple, stations))))


def _period(code: str | None, today: date) -> tuple[Period, str | None]:
    """The period a page's ``period`` names (this month when none), or this month and why ``code`` is not one."""
    if not code:
        return containing(PeriodKind.MONTH, today), None
    try:
        chosen = parse(code)
    except InvalidInput as refused:
        if refused.message.text == ENDS_BEFORE_IT_BEGINS:
            problem = f"{_quoted(code)}的结束日期早于开始日期（请先写开始日期，再写结束日期）。"
        else:
            forms = "2026-W48、2026-11、2026-Q3、2026，或两个日期 2026-11-01..2026-11-15"
            problem = f"{_quoted(code)}不是一个期间（请写 {forms}）。"
        return containing(PeriodKind.MONTH, today), problem
    if chosen.last - chosen.first > LONGEST_PERIOD:
        return containing(PeriodKind.MONTH, today), f"{_quoted(code)}超过一年（请选择一年以内的期间）。"
    return chosen, None


def _scope(
    district: str | None, station: str | None, stations: "_Stations", who: accounts.SignedIn
) -> tuple[Scope, str | None]:
    """The stations a page's ``district`` and ``station`` name (a station before its district; all the supervisor
    sees when neither: the whole city, or their district), or all they see and why these name none: a page about
    another scope than asked would mislead. ``stations`` are the ones the supervisor sees."""
    everything = Scope(district=who.district)
    if station:
        try:
            chosen = uuid.UUID(station)
        except ValueError:
            return everything, f"{_quoted(station)}不是驿站编号（请在“驿站”中选择）。"
        if chosen not in stations.names:
            return everything, f"没有这个驿站：{_quoted(station)}（请在“驿站”中选择）。"
        return Scope(station_id=chosen), None
    if district and district not in stations.districts and district != who.district:
        return everything, f"没有这个区县：{_quoted(district)}（请在“区县”中选择）。"
    return Scope(district=district or who.district), None


def _quoted(given: str) -> str:
    """What a visitor typed, quoted in a message: short, and without characters that do not print."""
    shown = "".join(character if character.isprintable() else "?" for character in given[:QUOTED_CHARS])
    return f"“{shown}{'…' if len(given) > QUOTED_CHARS else ''}”"


def _choices(session, district: str | None) -> tuple[list, list[str]]:
    """The stations a supervisor sees (a district's, or the city's) and the districts to choose among: none for a
    district's supervisor, whose list's first choice is the district."""
    chosen = select(Station.id, Station.name, Station.district).order_by(Station.district, Station.name)
    if district is not None:
        return session.execute(chosen.where(Station.district == district)).all(), []
    stations = session.execute(chosen).all()
    return stations, sorted({station.district for station in stations if station.district})


def _periods(today: date, chosen: Period) -> list[tuple[str, str]]:
    """Quick choices: this week, month, quarter and year, and the period before the chosen one."""
    names = {PeriodKind.WEEK: "本周", PeriodKind.MONTH: "本月", PeriodKind.QUARTER: "本季度", PeriodKind.YEAR: "本年"}
    links = [(containing(kind, today).code, name) for kind, name in names.items()]
    before = chosen.before()
    if before.first.year >= FIRST_YEAR:  # no figures lie before: a link there would only be refused
        links.append((before.code, "上一期"))
    return links


@dataclass(frozen=True)
class _Stations:
    """The stations to choose from, read and drawn once for every page (a thousand options in a list)."""

    rows: list
    districts: list[str]
    names: dict[uuid.UUID, str]
    options: Markup

    def options_choosing(self, chosen: str) -> Markup:
        if not chosen:
            return self.options
        marked = f'value="{escape(chosen)}"'
        return Markup(self.options.replace(marked, f"{marked} selected", 1))


def _stations(session, district: str | None) -> _Stations:
    rows, districts = _choices(session, district)
    names = {row.id: shown(row.name) for row in rows}
    options = "".join(f'<option value="{station}">{escape(name)}</option>' for station, name in names.items())
    return _Stations(rows, districts, names, Markup(options))


def _station_choices(reports: Reports, session, position: Position, district: str | None) -> _Stations:
    """The stations a supervisor sees: ``district``'s, or the whole city's (None)."""
    key = ("stations list", position.stations, district)
    return reports.get(key, position.feed, lambda: _stations(session, district)).value


def _context(
    request: Request, who: accounts.SignedIn, session, position: Position, **values: object
) -> dict[str, object]:
    stations = _station_choices(_reports(request), session, position, who.district)
    return {
        "who": who,
        "path": request.url.path,
        "stations": stations.rows,
        "station_choices": stations,
        "districts": stations.districts,
        "station_names": stations.names,
        **values,
    }


def _report(reports: Reports, session, position: Position, period: Period, scope: Scope) -> Made:
    return reports.get(
        ("report", period, scope, position.stations), position.feed, lambda: reports.city_report(session, period, scope)
    )


def _overdue(reports: Reports, session, position: Position, today: date, scope: Scope) -> Made:
    return reports.get(
        ("overdue", today, scope, position.stations), position.feed, lambda: overdue.passed(session, today, scope)
    )


def _scope_name(scope: Scope, names: dict) -> str:
    """The page's heading: a station's name, a district's, or 全市."""
    if scope.station_id is not None:
        return names.get(scope.station_id, "（未知驿站）")
    return shown(scope.district or "全市")


# --- the pages ---------------------------------------------------------------------------------------------------


@router.get("/")
def stations_page(request: Request, database: DatabaseDep, who: SignedInDep) -> HTMLResponse:
    today = chinatime.today()
    with database.reading() as session:
        position = _position(session)
        context = _context(request, who, session, position)
        table = _stations_table(_reports(request), session, position, today, who.district)
    return _page("stations.html", **context, table=table.value, today=today, as_of=table.as_of)


def _stations_table(reports: Reports, session, position: Position, today: date, district: str | None = None) -> Made:
    """The table of a thousand stations (or a district's), drawn once for every supervisor who sees them, as its
    figures are counted. What the laptops last reported waiting moves no feed: the table is drawn again for that as
    well."""
    reported = session.scalar(select(func.max(Device.changes_waiting_at)))
    return reports.get(
        ("stations", today, position.stations, district),
        (position.feed, reported),
        lambda: _draw_stations_table(reports, session, position, today, district),
    )


def _draw_stations_table(reports: Reports, session, position: Position, today: date, district: str | None) -> Markup:
    scope = Scope(district=district)
    seen = _station_choices(reports, session, position, district)
    late = Counter(item.station_id for item in _overdue(reports, session, position, today, scope).value)
    open_clues: Counter = Counter()
    late_clues: Counter = Counter()
    for station_id, facts in city_figures.clue_facts(session, scope.stations(session)).items():
        for clue in facts:
            if clue.closed_on is None:
                open_clues[station_id] += 1
                late_clues[station_id] += clue.due_on is not None and clue.due_on < today
    return Markup(
        templates.get_template("stations_table.html").render(
            summaries=[row for row in supervision.station_rows(session) if row["id"] in seen.names],
            names=seen.names,
            late=late,
            open_clues=open_clues,
            late_clues=late_clues,
            station_districts={station.id: station.district for station in seen.rows},
        )
    )


@router.get("/figures")
def figures_page(
    request: Request,
    database: DatabaseDep,
    who: SignedInDep,
    period: str | None = None,
    district: str | None = None,
    station: str | None = None,
) -> HTMLResponse:
    today = chinatime.today()
    chosen, period_problem = _period(period, today)
    with database.reading() as session:
        position = _position(session)
        context = _context(request, who, session, position)
        scope, scope_problem = _scope(district, station, context["station_choices"], who)
        made = _report(_reports(request), session, position, chosen, scope)
    names = context["station_names"]
    problem = _shown_instead(period_problem, scope_problem, _scope_name(scope, names))
    result: CityReport = made.value
    by_week = [charts.Bar(f"{day(first)}起", count, str(count)) for first, count in result.received_by_week]
    by_category = [charts.Bar(group(key), count, str(count)) for key, count in result.breakdowns["category"].items()]
    by_station = [
        charts.Bar(names.get(station_id, "?"), count, str(count))
        for station_id, count in sorted(result.received_by_station.items(), key=lambda item: -item[1])[:20]
    ]
    received = tr(statistics.RECEIVED.label)
    amounts = {row.figure.key: row.value for table in result.tables for row in table.rows}
    money = [
        charts.Bar(tr(statistics.AMOUNT_AGREED.label), amounts["amount_agreed"], _yuan(amounts["amount_agreed"])),
        charts.Bar(
            tr(statistics.AMOUNT_RECOVERED.label), amounts["amount_recovered"], _yuan(amounts["amount_recovered"])
        ),
    ]
    return _page(
        "figures.html",
        422 if problem else 200,
        **context,
        report=result,
        as_of=made.as_of,
        period=chosen,
        period_name=period_name(chosen),
        typed=period if period_problem else chosen.code,  # kept to be corrected, not replaced by this month's
        problem=problem,
        quick=_periods(today, chosen),
        chosen_district=scope.district or "",
        chosen_station=str(scope.station_id or ""),
        scope_name=_scope_name(scope, names),
        received=received,
        breakdowns=[(tr(each.label), result.breakdowns[each.key]) for each in statistics.BREAKDOWNS],
        charts=[
            charts.bars(f"每周{received}", by_week),
            charts.bars(f"{received}（按纠纷类别）", by_category),
            charts.bars("调解协议金额与已履行金额", money),
            *([charts.bars(f"{received}（按驿站，前20）", by_station)] if scope.station_id is None else []),
        ],
        download=f"/city/returns.xlsx?period={quote(chosen.code)}&district={quote(scope.district or '')}"
        f"&station={scope.station_id or ''}",
    )


def _shown_instead(period_problem: str | None, scope_problem: str | None, shown: str) -> str | None:
    """What was wrong with the parameters and what the page shows instead (``shown``: the scope's name); None when
    nothing was."""
    said = [
        f"{period_problem}已显示本月。" if period_problem else "",
        f"{scope_problem}已显示{shown}。" if scope_problem else "",
    ]
    return "".join(said) or None


def _yuan(fen: int) -> str:
    return statistics.value_text(statistics.FigureValue(statistics.AMOUNT_AGREED, fen))


@router.get("/overdue")
def overdue_page(
    request: Request,
    database: DatabaseDep,
    who: SignedInDep,
    district: str | None = None,
    station: str | None = None,
) -> HTMLResponse:
    today = chinatime.today()
    with database.reading() as session:
        position = _position(session)
        context = _context(request, who, session, position)
        scope, scope_problem = _scope(district, station, context["station_choices"], who)
        found = _overdue(_reports(request), session, position, today, scope)
    problem = _shown_instead(None, scope_problem, _scope_name(scope, context["station_names"]))
    return _page(
        "overdue.html",
        422 if problem else 200,
        **context,
        problem=problem,
        items=found.value,
        as_of=found.as_of,
        today=today,
        chosen_district=scope.district or "",
        chosen_station=str(scope.station_id or ""),
        scope_name=_scope_name(scope, context["station_names"]),
    )


@router.get("/returns.xlsx")
def return_download(
    request: Request,
    database: DatabaseDep,
    who: SignedInDep,
    period: str | None = None,
    district: str | None = None,
    station: str | None = None,
) -> Response:
    chosen, period_problem = _period(period, chinatime.today())
    with database.reading() as session:
        position = _position(session)
        stations = _station_choices(_reports(request), session, position, who.district)
        scope, scope_problem = _scope(district, station, stations, who)
        if period_problem or scope_problem:
            # A return of another period or scope than asked, under a name that looks right, would mislead.
            problem = f"{period_problem or ''}{scope_problem or ''}没有生成报表。"
            return _page("problem.html", 422, who=who, path=request.url.path, problem=problem, back="/city/figures")
        result: CityReport = _report(_reports(request), session, position, chosen, scope).value
        names = stations.names
    title = RETURN_TITLES[chosen.kind]
    heading = f"{_scope_name(scope, names)}　{title}　{period_name(chosen)}"
    # Named by its scope too: the returns of several districts or stations downloaded in one folder stay apart.
    filename = f"{_FILE_UNSAFE.sub('_', _scope_name(scope, names))}-{title}-{chosen.code}.xlsx"
    return Response(
        return_xlsx(result, heading, names),
        media_type=XLSX,
        headers={**HEADERS, "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
    )


# --- counted as the server starts --------------------------------------------------------------------------------


def warm_up(reports: Reports, database: Database, stopping: threading.Event) -> None:
    """What a supervisor's first visit shows, counted before anyone asks: the stations page, and the whole city's
    figures for this month (what the figures page opens on) and this quarter. Each server process keeps its own
    (web/reports.Reports), so without this the first visit to each process waited while the whole city was counted
    (1.2 to 2.7 s with 1,000 stations, measured by ``make bench``); a visit meanwhile waits for the same count.

    Each in a transaction of its own that only reads; one that fails is left to the first visit (which meets the
    failure again and says so) and the others are still counted; ``stopping`` ends it between two counts."""
    today = chinatime.today()
    counts: list[Callable[[Session, Position], object]] = [
        partial(_stations_table, reports, today=today),
        *(partial(_report, reports, period=containing(kind, today), scope=Scope()) for kind in FIRST_PERIODS),
    ]
    for count in counts:
        if stopping.is_set():
            return
        try:
            with database.reading() as session:
                count(session, _position(session))
        except Exception as error:  # any: the server answers without it
            log.warning("a figure of the supervision page was not counted at start (%s)", _error_kind(error))
    reports.counted_again_on_any_change()


def _error_kind(error: Exception) -> str:
    """The error's class and the database's own code for it (SQLite's name, PostgreSQL's SQLSTATE), which say
    whether it was a lock or a lost connection; never its message, which may quote a statement's values."""
    cause = getattr(error, "orig", None)
    code = getattr(cause, "sqlite_errorname", None) or getattr(cause, "sqlstate", None)
    return f"{type(error).__name__} {code}" if code else type(error).__name__
