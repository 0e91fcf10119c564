"""Station ⇄ server sync under faults (shared/design/sync.md F1, F2, F4, F5, F7, F9-F14), with the harness in
faults.py: a proxy that cuts and delays requests, station processes killed with SIGKILL, servers restarted and
restored from a backup. Every run ends with a clean sync and an operation-by-operation check: each operation a
station committed is on the server exactly once, and each station holds what the server holds for it.

Most trials are cheap connection cuts in this process; a smaller number kill real station processes (forked from
one that imported the program once). A bug found in the program is a test marked ``xfail(strict=True)`` that says
what happens, so that the fix turns it into a failure to be unmarked.
"""

import json
import math
import os
import random
import signal
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, update

from heze_station.domain.cases import CaseAction, CaseStatus
from heze_station.domain.mediation import AttachmentKind
from heze_station.server.models import AppliedTransaction, AttachmentUpload, SyncRow
from heze_station.server.models import Attachment as StoredFile
from heze_station.services import attachments, case_actions, sync, sync_replica
from heze_station.station_sync.backoff import Backoff
from heze_station.station_sync.client import ServerClient
from heze_station.station_sync.failures import FailureReason, SyncFailure
from heze_station.station_sync.progress import SyncReport
from heze_station.storage import replica
from heze_station.storage.database import create_sqlite_engine
from heze_station.storage.models import Attachment, Case, CaseClaimant, Evidence, OutboxOperation, Person, Setting
from heze_station.storage.types import utc_now
from heze_station.sync import PROTOCOL_VERSION, station_schema
from heze_station.sync.hlc import MAX_AHEAD_MS, Hlc
from heze_station.sync.schemas import AttachmentStart
from tests.factories import intake_form, register
from tests.server.conftest import wait_for
from tests.stations import database_key, join_city

from . import faults
from .faults import Fault, Lab, Laptop

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork are POSIX")

SEED = 20261127
CUT_TRIALS = 160  # connection faults injected in this process (with KILL_TRIALS: 200 random trials)
KILL_TRIALS = 40  # station processes killed with SIGKILL
KILL_POINTS_HIT = {"pause edit", "pause apply_pages", "pause pushed", "random moment"}  # at least, of the kill points
CLIENT_TIMEOUT = 0.4  # seconds; a held answer (DELAY_RESPONSE, LATE_REQUEST) waits longer than this
HELD = 0.6


@pytest.fixture(scope="module")
def zygote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[faults.Zygote]:
    """One process that imported the station program, forking every station process of this module."""
    forks = faults.Zygote(tmp_path_factory.mktemp("fifos"))
    yield forks
    forks.close()


@pytest.fixture
def lab(tmp_path: Path, zygote: faults.Zygote) -> Iterator[Lab]:
    world = Lab(tmp_path, seed=SEED, zygote=zygote)
    world.proxy.delay = HELD
    yield world
    world.close()


def committed_ops(laptop: Laptop, context: sync.StationContext) -> None:
    """Log what the laptop committed in this process (the harness's child processes log their own)."""
    laptop.oplog.record(context, laptop.oplog.highest_seq())


def outbox(path: Path) -> list[dict]:
    """The station's outbox as it is in the file (acknowledged operations included until they are pruned)."""
    with faults.station_file(path) as engine, engine.connect() as connection:
        query = select(OutboxOperation.__table__).order_by(OutboxOperation.seq)
        return [dict(row) for row in connection.execute(query).mappings()]


def unsent(path: Path) -> list[dict]:
    return [op for op in outbox(path) if not op["acknowledged"]]


def applied_transactions(lab: Lab, laptop: Laptop) -> int:
    with lab.server.database.transaction() as session:
        return session.scalar(
            select(func.count()).where(AppliedTransaction.device_id == laptop.device_id())
        )  # fmt: skip


def assert_clean(lab: Lab) -> faults.Verdict:
    lab.settle()
    verdict = lab.check()
    print(verdict)
    assert verdict.ok, str(verdict)
    return verdict


def shared_case(lab: Lab, front: Laptop, court: Laptop, evidence: list[str] | None = None) -> uuid.UUID:
    """A case registered on ``front`` and synced to ``court`` (through the proxy's faults, retrying)."""
    with front.opened() as context:
        form = intake_form(2)
        form.evidence = evidence or []
        case_id = register(context, form)
        committed_ops(front, context)
        faults.sync_until_done(context)
    with court.opened() as context:
        faults.sync_until_done(context)
    return case_id


# --- random trials: cuts in this process, kills of station processes --------------------------------------------------


@pytest.mark.slow(seconds=20)
def test_random_connection_faults_lose_and_duplicate_no_operation(tmp_path: Path) -> None:
    """F1, F12 at random: four laptops of two stations register, accept, edit, delete and attach while the proxy
    cuts requests before they arrive, after they were answered, answers 503, holds answers past the timeout and
    delivers requests after the client gave up; the server is restarted every 40 rounds."""
    lab = Lab(tmp_path, seed=SEED)
    lab.proxy.delay = HELD
    try:
        random_cuts(lab)
    finally:
        lab.close()


def random_cuts(lab: Lab) -> None:
    laptops = [lab.laptop("前台"), lab.laptop("移动仲裁庭"), lab.laptop("调解室"), lab.laptop("开发区", "开发区驿站")]
    contexts = {laptop.name: laptop.open() for laptop in laptops}
    started = time.monotonic()
    try:
        with faults.client_timeout(CLIENT_TIMEOUT):
            rounds = faults.cut_trials(
                lab, contexts, CUT_TRIALS, probability=0.55, rng=random.Random(SEED), restart_every=40
            )
    finally:
        for context in contexts.values():
            context.close()
    print(f"{lab.proxy.trials} faults in {rounds} rounds, {time.monotonic() - started:.1f} s")
    pushes = {key: count for key, count in lab.proxy.faults_by_request().items() if "/v1/sync/push" in key}
    print(f"faults by kind: {dict(lab.proxy.injected)}; on pushes: {pushes}")
    verdict = assert_clean(lab)
    assert lab.proxy.trials >= CUT_TRIALS
    assert set(lab.proxy.injected) == set(Fault), "every kind of fault was injected"
    assert sum(count for key, count in pushes.items() if "drop_response" in key) >= 5, "F1: pushes answered, then cut"
    assert verdict.committed >= 120


@pytest.mark.slow(seconds=25)
def test_station_processes_killed_at_random_lose_and_duplicate_no_operation(
    tmp_path: Path, zygote: faults.Zygote
) -> None:
    """F2 (and F1 seen from the station): station processes are killed with SIGKILL inside the commit of an edit, of
    a pulled page, of a push's answer, of a handshake, or at a random moment, while the proxy cuts some requests;
    the server process itself is killed with SIGKILL and restarted every 15 trials. After each kill the station's
    cursor must not have passed a row it does not hold."""
    lab = Lab(tmp_path, seed=SEED, process_server=True, zygote=zygote)
    lab.proxy.delay = 1.5
    try:
        laptops = [lab.laptop("前台"), lab.laptop("移动仲裁庭")]
        started = time.monotonic()

        # On a busy machine a process is slower to reach each kill point and commits less before a kill at a random
        # moment: trials go on, up to three times as many, until every point was hit and enough was committed.
        def enough(where: Counter[str]) -> bool:
            return (
                lab.kills >= KILL_TRIALS
                and set(where) >= KILL_POINTS_HIT
                and sum(len(each.oplog.entries()) for each in laptops) >= 100
            )

        where, gaps = faults.kill_trials(
            lab, laptops, KILL_TRIALS * 3, rng=random.Random(SEED), restart_every=15, until=enough
        )
        print(f"{lab.kills} kills ({dict(where)}), {lab.proxy.trials} cuts, {time.monotonic() - started:.1f} s")
        assert not gaps
        assert lab.kills >= KILL_TRIALS * 0.75
        assert set(where) >= KILL_POINTS_HIT
        verdict = assert_clean(lab)
        assert verdict.committed >= 100
    finally:
        lab.close()


# --- F1: the answer to a push is lost ---------------------------------------------------------------------------------


def _body(raw: bytes) -> bytes:
    return raw.partition(b"\r\n\r\n")[2]


@pytest.mark.parametrize("fault", [Fault.DROP_RESPONSE, Fault.DELAY_RESPONSE, Fault.LATE_REQUEST])
def test_a_push_whose_answer_never_arrived_is_sent_again_and_applied_once(lab: Lab, fault: Fault) -> None:
    """F1: the server committed the push (or commits it only after the client gave up and sent it again); the repeat
    gets the stored answer and nothing is applied twice."""
    front = lab.laptop("前台")
    pushes: list[bytes] = []

    def first_push_fails(request: faults.Request) -> Fault | None:
        if request.path != "/v1/sync/push":
            return None
        pushes.append(_body(request.raw))
        return fault if len(pushes) == 1 else None

    with front.opened() as context:
        register(context, intake_form(3))
        committed_ops(front, context)
        pending = sync.sync_status(context).pending_changes
        transactions = len({op["tx_id"] for op in outbox(front.file)})
        lab.proxy.rule = first_push_fails
        lab.proxy.delay = 1.0
        with faults.client_timeout(CLIENT_TIMEOUT):
            # On a loaded machine the short timeout can cut the token or the handshake before any push is sent;
            # such a sync proves nothing here, and the fault belongs to the first push, so sync until one was sent.
            for _ in range(20):
                problem = faults.try_sync(context)
                if pushes:
                    break
        assert len(pushes) == 1
        assert isinstance(problem, sync.SyncProblem)
        assert problem.reason is FailureReason.OFFLINE
        assert sync.sync_status(context).pending_changes == pending, "nothing is acknowledged without an answer"
        report = sync.sync_now(context)
        assert report.pushed == pending
        assert sync.sync_status(context).pending_changes == 0
        # The sync closed its connections: once the proxy serves none, a late original has reached the server.
        wait_for(lab.proxy.idle, "the proxy to deliver the held request")
        lab.proxy.rule = None
    assert len(pushes) == 2
    assert pushes[0] == pushes[1], "the repeat is the same push"
    assert applied_transactions(lab, front) == transactions, "each local transaction applied once"
    assert_clean(lab)


# --- F2: killed inside a commit ---------------------------------------------------------------------------------------


def test_killed_while_applying_a_pulled_page_keeps_all_of_it_or_none(lab: Lab) -> None:
    front, court = lab.laptop("前台"), lab.laptop("移动仲裁庭")
    with front.opened() as context:
        for serial in range(1, 7):
            register(context, intake_form(2, employer_serial=serial))
        committed_ops(front, context)
        sync.sync_now(context)
    cursor = faults.station_setting(court.file, replica.CURSOR_SETTING)
    before = faults.station_rows(court.file)
    process = lab.spawn(court, mode="sync", pause_at_page=1, seed=1)
    process.expect("ready")
    assert process.expect("pause").startswith("pause apply_pages")
    assert process.kill()
    assert faults.station_setting(court.file, replica.CURSOR_SETTING) == cursor, "the cursor did not move"
    assert faults.station_rows(court.file) == before, "no row of the page stayed"
    assert faults.cursor_gaps(lab.server, court) == []
    with court.opened() as context:
        assert sync.sync_now(context).pulled > 0
    assert_clean(lab)


@pytest.mark.parametrize("point", ["edit", "pushed", "handshake"])
def test_killed_inside_a_commit_loses_nothing_and_sends_nothing_twice(lab: Lab, point: str) -> None:
    """Inside an edit's commit: the edit and its outbox entry are both gone (and were never reported). Inside the
    commit that records a push's answer: the answer is not recorded, so the push is repeated and replayed. Inside
    the handshake's: nothing of it stays."""
    front = lab.laptop("前台")
    with front.opened() as context:
        register(context, intake_form(2))
        committed_ops(front, context)
    rows, ops = faults.station_rows(front.file), outbox(front.file)
    transactions = len({op["tx_id"] for op in ops})
    mode = {"mode": "work", "steps": 1, "sync_share": 0.0} if point == "edit" else {"mode": "sync"}
    process = lab.spawn(front, seed=3, pause={point: 1.0}, actions=["register"], **mode)
    process.expect("ready")
    assert process.expect("pause").startswith(f"pause {point}")
    answers = applied_transactions(lab, front)
    assert process.kill()
    if point == "edit":
        assert faults.station_rows(front.file) == rows, "all of the edit or none"
        assert outbox(front.file) == ops, "the edit's outbox entries went with it"
    if point == "pushed":
        assert answers == transactions, "the server applied the push before the kill"
        assert not any(op["acknowledged"] for op in outbox(front.file)), "its answer was never recorded"
    with front.opened() as context:
        sync.sync_now(context)
    assert applied_transactions(lab, front) == transactions, "a push repeated after the kill was replayed"
    assert_clean(lab)


# --- F4, F5: two laptops edit the same case offline -------------------------------------------------------------------


def test_two_offline_laptops_merge_different_fields_and_show_the_same_field_as_a_conflict(lab: Lab) -> None:
    """F4 through a faulty line: facts typed on one laptop and the acceptance on the other both survive; the same
    worker's phone changed on both becomes one visible conflict on both laptops."""
    front, court = lab.laptop("前台"), lab.laptop("移动仲裁庭")
    lab.proxy.configure(0.3)
    with faults.client_timeout(CLIENT_TIMEOUT):
        case_id = shared_case(lab, front, court)
        with front.opened() as context:
            with context.database.transaction() as session:
                session.get_one(Case, case_id).facts = "包工头拖欠三个月工资，有考勤表"
                person_id = session.scalars(
                    select(CaseClaimant.person_id).where(CaseClaimant.case_id == case_id)
                ).first()
                session.get_one(Person, person_id).phone = "13900000001"
            committed_ops(front, context)
        with court.opened() as context:
            case_actions.perform(context, case_id, CaseAction.ACCEPT)
            with context.database.transaction() as session:
                session.get_one(Person, person_id).phone = "13900000002"
            committed_ops(court, context)
        for laptop in (front, court, front):
            with laptop.opened() as context:
                faults.sync_until_done(context)
    lab.proxy.configure(0.0)
    for laptop in (front, court):
        with laptop.opened() as context, context.database.transaction() as session:
            case = session.get_one(Case, case_id)
            assert case.facts == "包工头拖欠三个月工资，有考勤表"
            assert case.status is CaseStatus.ACCEPTED
            assert session.get_one(Person, person_id).phone == "13900000001", "the first to reach the server"
        with laptop.opened() as context:
            [conflict] = sync.open_conflicts(context)
        assert (conflict.kind, conflict.field) == ("field", "phone")
        assert {conflict.server_value, conflict.client_value} == {"13900000001", "13900000002"}
    assert lab.proxy.trials > 0
    assert_clean(lab)


def test_a_record_deleted_on_one_laptop_and_edited_on_the_other_is_a_visible_conflict(lab: Lab) -> None:
    """F5 both ways round: the delete arrives after the edit (delete_vs_edit: the record stays), and the edit
    arrives after the delete (edit_vs_delete: it stays deleted); both are shown on both laptops."""
    front, court = lab.laptop("前台"), lab.laptop("移动仲裁庭")
    lab.proxy.configure(0.3)
    with faults.client_timeout(CLIENT_TIMEOUT):
        case_id = shared_case(lab, front, court, evidence=["工资条", "考勤表"])
        with front.opened() as context, context.database.transaction() as session:
            first, second = session.scalars(
                select(Evidence.id).where(Evidence.case_id == case_id).order_by(Evidence.position)
            ).all()
        for laptop, deleted, edited in ((front, first, second), (court, second, first)):
            with laptop.opened() as context:
                with context.database.transaction() as session:
                    session.get_one(Evidence, deleted).deleted_at = utc_now()
                    session.get_one(Evidence, edited).description = f"{laptop.name}补充：原件已核对"
                committed_ops(laptop, context)
        for laptop in (court, front, court):
            with laptop.opened() as context:
                faults.sync_until_done(context)
    lab.proxy.configure(0.0)
    for laptop in (front, court):
        with laptop.opened() as context:
            kinds = sorted((item.kind, item.row_id) for item in sync.open_conflicts(context))
            with context.database.transaction() as session:
                alive = {row.id: row.deleted_at is None for row in session.scalars(select(Evidence))}
        assert kinds == sorted([("delete_vs_edit", first), ("edit_vs_delete", second)])
        assert alive[first] is True, "court's edit reached the server first: front's delete is a conflict"
        assert alive[second] is False, "court's delete reached the server first: front's edit is a conflict"
    assert_clean(lab)


# --- F7: a clock a week off -------------------------------------------------------------------------------------------


def test_a_laptop_whose_clock_is_a_week_off_syncs_and_its_order_holds_when_the_clock_jumps(lab: Lab) -> None:
    """F7: a station process whose clock runs 7 days ahead (then jumps back to the true time) and one 7 days behind
    sync like any other; the server records each offset; each device's hybrid clock never goes backwards."""
    ahead, behind, right = lab.laptop("快一周"), lab.laptop("慢一周"), lab.laptop("准点")
    day_ms = 24 * 3600 * 1000
    for laptop, days in ((ahead, 7), (behind, -7)):
        process = lab.spawn(laptop, mode="sync", skew_days=days, seed=1)
        assert any(line.startswith("synced") for line in process.wait()), process.lines
        offset = faults.server_device(lab.server, laptop.device_id()).clock_offset_ms
        assert offset is not None
        assert abs(offset - days * day_ms) < 60_000, offset
    work = {"steps": 14, "sync_share": 0.35, "actions": ["register", "accept", "facts", "phone"]}
    for laptop, days, jump in ((ahead, 7, 7), (behind, -7, None), (right, 0, None), (ahead, 7, None)):
        process = lab.spawn(laptop, seed=days + 11, skew_days=days, jump_at=jump, **work)
        lines = process.wait()
        assert "done" in lines, lines
        assert not any(line.startswith("failed") for line in lines), lines
        if jump is not None:
            assert lines.index("clock jumped") < max(i for i, line in enumerate(lines) if line.startswith("edited"))
    for laptop in (ahead, behind, right):
        clocks = [entry["hlc"] for entry in sorted(laptop.oplog.entries().values(), key=lambda entry: entry["seq"])]
        assert clocks == sorted(clocks), f"{laptop.name}: its clock went back"
        assert len(set(clocks)) == len(clocks), f"{laptop.name}: two operations at one time"
    # Once it has met the server, its changes carry the server's time, not its own week-ahead clock: the server
    # would refuse a time that far ahead (and no other station should take it).
    walls = [Hlc.parse(entry["hlc"]).wall_ms for entry in ahead.oplog.entries().values()]
    assert max(walls) <= time.time() * 1000 + MAX_AHEAD_MS, "its operations carry the server's time"
    assert_clean(lab)


def test_an_edit_made_after_seeing_a_change_from_a_fast_clock_orders_after_it(lab: Lab) -> None:
    ahead, right = lab.laptop("快一周"), lab.laptop("准点")
    case_id = shared_case(lab, right, ahead)
    process = lab.spawn(ahead, seed=5, skew_days=7, steps=2, sync_share=0.0, actions=["facts"])
    assert "done" in process.wait()
    process = lab.spawn(ahead, mode="sync", skew_days=7, seed=6)
    assert "done" in process.wait()
    # What the others see of the fast laptop's change: its time as the server holds it (stamped by the server's
    # time when the laptop learnt it, and never more than a few minutes ahead of it).
    with lab.server.database.transaction() as session:
        seen = session.scalars(select(SyncRow.hlc).where(SyncRow.changed_by == ahead.device_id())).all()
    seen = max(seen)
    with right.opened() as context:
        sync.sync_now(context)
        with context.database.transaction() as session:
            session.get_one(Case, case_id).status_reason = "已核对"
        committed_ops(right, context)
    newest = max(right.oplog.entries().values(), key=lambda entry: entry["seq"])
    assert newest["hlc"] > seen


# --- F9: the server restored from a backup, a copied laptop -----------------------------------------------------------


def _restore(lab: Lab, backup: Path) -> None:
    lab.server.stop()
    lab.server.restore(backup)
    result = lab.server.command("restored")
    assert result.returncode == 0, result.stderr
    lab.server.start()
    lab.proxy.upstream_port = lab.server.port


def _edit(laptop: Laptop, rng: random.Random, actions: tuple[str, ...] = ("register", "facts", "accept")) -> None:
    with laptop.opened() as context:
        faults.act(context, rng, laptop.index, actions)
        committed_ops(laptop, context)


def test_a_restored_server_is_detected_and_gets_back_what_it_lost(lab: Lab) -> None:
    """F9: after a backup both laptops edit and sync once; the server is restored from the backup and declared
    restored. Each laptop sees the new server id, reads everything again and pushes what the server lost."""
    front, court = lab.laptop("前台"), lab.laptop("移动仲裁庭")
    rng = random.Random(SEED)
    for laptop in (front, court, front):
        _edit(laptop, rng)
        with laptop.opened() as context:
            sync.sync_now(context)
    backup = lab.root / "backup.sqlite3"
    lab.server.backup(backup)
    # Only front registers and only court edits facts after the backup: a conflict made now would be lost with the
    # restore, which test_conflicts_a_restored_server_lost_do_not_stay_open_on_the_laptops covers.
    for laptop, action in ((front, "register"), (court, "facts")):
        for _ in range(3):
            _edit(laptop, rng, (action,))
        with laptop.opened() as context:
            sync.sync_now(context)
    _restore(lab, backup)
    restored = len(faults.scope_rows(lab.server, front.station_id))
    for laptop in (front, court):
        with laptop.opened() as context:
            report = sync.sync_now(context)
        assert report.pushed > 0, "what the restored server lost is pushed again"
        assert report.pulled >= restored, "and everything is read again from the start"
    _edit(front, rng)
    assert_clean(lab)


def test_operations_acknowledged_before_a_restore_are_sent_again_and_the_laptop_keeps_syncing(lab: Lab) -> None:
    front = lab.laptop("前台")
    rng = random.Random(SEED)
    _edit(front, rng)
    with front.opened() as context:
        sync.sync_now(context)
    backup = lab.root / "backup.sqlite3"
    lab.server.backup(backup)
    _edit(front, rng)
    with front.opened() as context:
        sync.sync_now(context)
        sync.sync_now(context)  # a second sync: the server has them, the laptop forgets the acknowledged ones
    _restore(lab, backup)
    _edit(front, rng)
    with front.opened() as context:
        outcome = faults.try_sync(context)
    verdict = faults.Verdict()
    faults.verify_operations(lab.server, front, verdict)
    assert verdict.lost == [], verdict.lost[:3]
    assert isinstance(outcome, SyncReport), f"the laptop cannot sync any more: {outcome}"


def test_conflicts_a_restored_server_lost_do_not_stay_open_on_the_laptops(lab: Lab) -> None:
    front, court = lab.laptop("前台"), lab.laptop("移动仲裁庭")
    case_id = shared_case(lab, front, court)
    backup = lab.root / "backup.sqlite3"
    lab.server.backup(backup)
    for laptop, facts in ((front, "甲的记录"), (court, "乙的记录")):
        with laptop.opened() as context:
            with context.database.transaction() as session:
                session.get_one(Case, case_id).facts = facts
            committed_ops(laptop, context)
            sync.sync_now(context)
    with front.opened() as context:
        sync.sync_now(context)
        assert len(sync.open_conflicts(context)) == 1
    _restore(lab, backup)
    lab.settle()
    problems = [problem for problem in faults.divergence(lab.server, front) if "conflicts" in problem]
    assert problems == []


def test_a_copied_laptop_is_stopped_and_once_enrolled_again_sends_its_unsent_changes(lab: Lab) -> None:
    """F9, a copied disk image: the copy syncing under the original's identity is refused and keeps everything;
    enrolled again with a new code, it sends what it has not sent under its new identity (renumbered from 1)."""
    front = lab.laptop("前台")
    rng = random.Random(SEED)
    _edit(front, rng)
    with front.opened() as context:
        sync.sync_now(context)
    copy_folder = lab.root / "laptops" / "copy"
    faults.shutil.copytree(front.folder, copy_folder)
    copy = Laptop("copy", copy_folder, front.station_id, 9)
    copy.oplog.path.unlink()
    _edit(front, rng)
    _edit(copy, rng, ("register",))
    with front.opened() as context:
        sync.sync_now(context)
    rows, ops = faults.station_rows(copy.file), outbox(copy.file)
    with copy.opened() as context:
        problem = faults.try_sync(context)
        assert isinstance(problem, sync.SyncProblem)
        assert problem.reason is FailureReason.COPIED_DEVICE
        assert sync.sync_status(context).state is sync.SyncState.STOPPED
    assert faults.station_rows(copy.file) == rows
    assert unsent(copy.file) == [op for op in ops if not op["acknowledged"]]
    with copy.opened() as context, lab.proxy.calm():
        join_city(context, lab.proxy.url, lab.server.enrol_code(front.station_id), "copy")
    copy.oplog.path.unlink()  # its operations now carry the new identity's numbers
    copy.oplog.absorb(copy.file)
    assert min(entry["seq"] for entry in copy.oplog.entries().values()) == 1
    lab.laptops.append(copy)
    assert_clean(lab)


# --- F10: a large first sync interrupted ------------------------------------------------------------------------------


def test_a_large_first_sync_killed_at_70_percent_resumes_there_without_duplicates(
    tmp_path: Path, zygote: faults.Zygote
) -> None:
    page = 200
    lab = Lab(tmp_path, seed=SEED, zygote=zygote, max_page_rows=page)
    try:
        rows = faults.realistic_rows(faults.template_rows(tmp_path / "template", cases=10), 3000)
        faults.fill_server(lab.server, lab.station(faults.DEFAULT_STATION), rows)
        laptop = lab.laptop("新电脑")
        total = len(faults.scope_rows(lab.server, laptop.station_id))
        pages = math.ceil(total / page)
        process = lab.spawn(
            laptop, mode="sync", pause_at_page=round(pages * 0.7) + 1, page_per_transaction=True, seed=1
        )
        process.expect("ready")
        assert process.expect("pause").startswith("pause apply_pages")
        assert process.kill()
        total = len(faults.scope_rows(lab.server, laptop.station_id))  # and the laptop's own two rows, pushed
        held = len(faults.station_rows(laptop.file))
        assert 0.55 * total < held < 0.8 * total, f"{held} of {total} rows when killed"
        assert faults.cursor_gaps(lab.server, laptop) == []
        with laptop.opened() as context:
            report = sync.sync_now(context)
        assert report.pulled <= total - held + 2 * page, "resumed where it stopped, not from the start"
        assert len(faults.station_rows(laptop.file)) == total
        assert_clean(lab)
    finally:
        lab.close()


# --- F11: an attachment upload dies at 60 % ---------------------------------------------------------------------------

CHUNK = 16 * 1024


def _cut_at(fraction: float, size: int, action: Fault, then: list | None = None):
    """A proxy rule: the first chunk sent at or past ``fraction`` of the file fails (once)."""
    fired: list[int] = []

    def rule(request: faults.Request) -> Fault | None:
        if request.method != "PUT" or fired:
            return None
        offset = int(request.query("offset") or 0)
        if offset >= fraction * size:
            fired.append(offset)
            for call in then or []:
                call()
            return action
        return None

    return rule, fired


def _chunk_offsets(lab: Lab) -> list[int]:
    return [int(target.split("offset=")[1]) for method, target, _fault in lab.proxy.log if method == "PUT"]


def _server_upload(lab: Lab, sha256: str) -> tuple[int, bool]:
    with lab.server.database.transaction() as session:
        upload = session.scalars(select(AttachmentUpload).where(AttachmentUpload.sha256 == sha256)).one()
        return upload.received, upload.complete


@pytest.mark.parametrize("how", ["cut", "kill"])
def test_an_upload_that_died_at_60_percent_resumes_there_and_the_file_is_verified(
    tmp_path: Path, zygote: faults.Zygote, how: str
) -> None:
    """F11: the connection drops (or the station process is killed) at the chunk that would pass 60 %; the next
    sync resumes at the server's byte count, the server checks the SHA-256, and another laptop receives the file
    byte for byte."""
    lab = Lab(tmp_path, seed=SEED, zygote=zygote, max_chunk_bytes=CHUNK)
    try:
        front, court = lab.laptop("前台"), lab.laptop("移动仲裁庭")
        data = random.Random(SEED).randbytes(20 * CHUNK + 123)
        with front.opened() as context:
            case_id = register(context, intake_form(1))
            view = attachments.attach(context, case_id, AttachmentKind.SCAN, "工资表.jpg", data)
            committed_ops(front, context)
            with context.database.transaction() as session:
                sha256 = session.get_one(Attachment, view.id).sha256
        if how == "cut":
            lab.proxy.rule, fired = _cut_at(0.6, len(data), Fault.DROP_REQUEST)
            with front.opened() as context:
                problem = faults.try_sync(context)
            assert isinstance(problem, sync.SyncProblem)
            assert problem.reason.transient
        else:
            process = lab.spawn(front, mode="sync", seed=1)
            kill = [lambda: os.kill(process.pid, signal.SIGKILL)]
            lab.proxy.rule, fired = _cut_at(0.6, len(data), Fault.DROP_REQUEST, then=kill)
            process.expect("ready")
            assert "done" not in process.wait(), "killed before it finished"
            lab.kills += 1
        lab.proxy.rule = None
        received, complete = _server_upload(lab, sha256)
        assert fired
        assert received == fired[0], "the server holds the first 60 %"
        assert not complete
        lab.proxy.reset_counts()
        with front.opened() as context:
            assert sync.sync_now(context).uploaded == 1
        assert _chunk_offsets(lab)[0] == received, "the upload resumed where it died"
        assert _server_upload(lab, sha256) == (len(data), True)
        with court.opened() as context:
            assert sync.sync_now(context).downloaded == 1
            assert context.blobs.get(sha256) == data
        assert_clean(lab)
    finally:
        lab.close()


def test_the_same_hash_with_other_bytes_is_refused_and_overwrites_nothing(lab: Lab) -> None:
    """F11: bytes that do not hash to the announced SHA-256 are refused (and thrown away); bytes sent for a hash the
    server already holds completely are ignored, never stored over it."""
    front = lab.laptop("前台")
    data = random.Random(1).randbytes(3000)
    with front.opened() as context:
        case_id = register(context, intake_form(1))
        view = attachments.attach(context, case_id, AttachmentKind.SCAN, "收据.png", data)
        sync.sync_now(context)
        with context.database.transaction() as session:
            sha256 = session.get_one(Attachment, view.id).sha256
    client = ServerClient(lab.proxy.url)
    client.log_in(front.device_id(), faults.station_setting(front.file, sync.DEVICE_SECRET) or "")
    try:
        impostor = bytes(reversed(data))
        assert client.announce(AttachmentStart(sha256=sha256, size=len(data), media_type="image/png")).complete
        assert client.upload_chunk(sha256, 0, impostor).complete
        other = "0" * 64
        client.announce(AttachmentStart(sha256=other, size=len(data), media_type="image/png"))
        with pytest.raises(SyncFailure) as refused:
            client.upload_chunk(other, 0, data)
        assert refused.value.reason is FailureReason.REFUSED
        assert client.announce(AttachmentStart(sha256=other, size=len(data), media_type="image/png")).received == 0
        assert b"".join(client.download(sha256, 0)) == data, "the stored file is unchanged"
    finally:
        client.close()
    with lab.server.database.transaction() as session:
        assert session.get(StoredFile, other) is None


# --- F12: transient failures ------------------------------------------------------------------------------------------


def test_transient_failures_leave_everything_waiting_and_the_next_sync_sends_it_without_a_new_edit(lab: Lab) -> None:
    front = lab.laptop("前台")
    with front.opened() as context:
        register(context, intake_form(2))
        committed_ops(front, context)
        waiting = sync.sync_status(context).pending_changes
        with faults.client_timeout(CLIENT_TIMEOUT):
            for fault in (Fault.SERVER_ERROR, Fault.DELAY_RESPONSE, Fault.DROP_REQUEST, Fault.DROP_RESPONSE):
                lab.proxy.configure(1.0, [fault])
                problem = faults.try_sync(context)
                assert isinstance(problem, sync.SyncProblem), fault
                assert problem.reason.transient, (fault, problem.reason)
                status = sync.sync_status(context)
                # Not reached: offline; an answer that is not the protocol's (a 5xx): failed. Both are retried.
                offline = problem.reason is FailureReason.OFFLINE
                assert status.state is (sync.SyncState.OFFLINE if offline else sync.SyncState.FAILED), fault
                assert not status.needs_person
                assert status.pending_changes == waiting
            lab.proxy.configure(0.0)
            lab.server.stop()  # the server is gone altogether
            problem = faults.try_sync(context)
            assert isinstance(problem, sync.SyncProblem)
            assert problem.reason is FailureReason.OFFLINE
        lab.server.start()
        lab.proxy.upstream_port = lab.server.port
        report = sync.sync_now(context)  # no new edit since the failures
        assert report.pushed == waiting
        assert sync.sync_status(context).state is sync.SyncState.UP_TO_DATE
    assert_clean(lab)


def test_retries_back_off_exponentially_with_jitter_up_to_a_cap() -> None:
    backoff = Backoff(first=5.0, cap=300.0, rng=random.Random(SEED))
    for failures in range(1, 12):
        ceiling = min(300.0, 5.0 * 2 ** (failures - 1))
        assert ceiling / 2 <= backoff.next_delay() <= ceiling
    spread = {round(Backoff(rng=random.Random(seed)).next_delay(), 3) for seed in range(20)}
    assert len(spread) > 15, "jitter spreads stations that failed at the same moment"
    backoff.reset()
    assert backoff.next_delay() <= 5.0


# --- F13: a station that disagrees with the server --------------------------------------------------------------------


def _damage(laptop: Laptop, case_id: uuid.UUID) -> dict[str, object]:
    """Rows lost from the station's file behind the program's back (a bad disk sector, a hand-edited file)."""
    engine = create_sqlite_engine(laptop.file, key=database_key(laptop.folder), foreign_keys=False)
    try:
        with engine.begin() as connection:
            claimant = connection.execute(select(CaseClaimant.id).where(CaseClaimant.case_id == case_id)).scalar()
            person = connection.execute(select(CaseClaimant.person_id).where(CaseClaimant.id == claimant)).scalar()
            connection.execute(delete(CaseClaimant.__table__).where(CaseClaimant.__table__.c.id == claimant))
            connection.execute(delete(Person.__table__).where(Person.__table__.c.id == person))
    finally:
        engine.dispose()
    return {"claimant": claimant, "person": person}


def _force_scope_check(laptop: Laptop) -> None:
    engine = create_sqlite_engine(laptop.file, key=database_key(laptop.folder))
    try:
        with engine.begin() as connection:
            connection.execute(delete(Setting.__table__).where(Setting.__table__.c.key == sync.LAST_SCOPE_CHECK))
    finally:
        engine.dispose()


def test_rows_lost_from_a_station_are_found_by_the_scope_check_and_fetched_again_keeping_unsent_changes(
    lab: Lab,
) -> None:
    """F13: the check compares digests per bucket and fetches only the buckets that differ; unsent changes stay and
    are pushed, and the station is not wiped."""
    front, court = lab.laptop("前台"), lab.laptop("移动仲裁庭")
    case_ids = []
    with front.opened() as context:
        for serial in range(1, 9):
            case_ids.append(register(context, intake_form(2, employer_serial=serial)))
        committed_ops(front, context)
        sync.sync_now(context)
    with court.opened() as context:
        sync.sync_now(context)
        with context.database.transaction() as session:
            session.get_one(Case, case_ids[0]).facts = "未发送的修改"
        committed_ops(court, context)
    lost = _damage(court, case_ids[0])
    assert faults.divergence(lab.server, court), "the damage shows against the server"
    _force_scope_check(court)
    with court.opened() as context:
        report = sync.sync_now(context)
        assert 0 < report.repaired < len(faults.scope_rows(lab.server, court.station_id)) / 4, "by bucket, not all"
        with context.database.transaction() as session:
            assert session.get(CaseClaimant, lost["claimant"]) is not None
            assert session.get(Person, lost["person"]) is not None
            assert session.get_one(Case, case_ids[0]).facts == "未发送的修改"
    assert_clean(lab)


def test_a_re_pull_from_an_empty_cursor_repairs_a_damaged_station_keeping_unsent_changes(lab: Lab) -> None:
    """F13, the heavy repair: read the whole scope again (as after a restore); rows lost or changed here are put
    back, unsent changes are laid on top and then pushed."""
    front, court = lab.laptop("前台"), lab.laptop("移动仲裁庭")
    case_id = shared_case(lab, front, court)
    with court.opened() as context:
        register(context, intake_form(1, employer_serial=4))
        committed_ops(court, context)
    _damage(court, case_id)
    engine = create_sqlite_engine(court.file, key=database_key(court.folder))
    try:
        with engine.begin() as connection:
            connection.execute(update(Case.__table__).where(Case.__table__.c.id == case_id).values(facts="损坏"))
    finally:
        engine.dispose()
    with court.opened() as context:
        sync_replica.StationReplica(context).reset_cursor()
        report = sync.sync_now(context)
        assert report.pushed > 0
    assert faults.divergence(lab.server, court) == []
    assert_clean(lab)


@pytest.mark.xfail(
    strict=True,
    reason="LIMITATION (F13): the scope digest covers (row id, version) pairs only (sync/scope.digest, "
    "storage/replica.scope_rows), so a row whose content changed here without a new version (a damaged file, a "
    "hand edit) has the same digest as the server's and is never repaired",
)
def test_a_row_whose_content_was_damaged_here_is_found_by_the_scope_check(lab: Lab) -> None:
    front, court = lab.laptop("前台"), lab.laptop("移动仲裁庭")
    case_id = shared_case(lab, front, court)
    engine = create_sqlite_engine(court.file, key=database_key(court.folder))
    try:
        with engine.begin() as connection:
            connection.execute(update(Case.__table__).where(Case.__table__.c.id == case_id).values(facts="损坏"))
    finally:
        engine.dispose()
    _force_scope_check(court)
    with court.opened() as context:
        sync.sync_now(context)
        with context.database.transaction() as session:
            assert session.get_one(Case, case_id).facts != "损坏"


# --- F14: a revoked laptop, an incompatible program -------------------------------------------------------------------


def test_a_revoked_laptop_is_refused_mid_work_and_nothing_is_lost_on_either_side(lab: Lab) -> None:
    front, _court = lab.laptop("前台"), lab.laptop("移动仲裁庭")
    rng = random.Random(SEED)
    for _ in range(3):
        _edit(front, rng)
    with front.opened() as context:
        sync.sync_now(context)
    for _ in range(3):
        _edit(front, rng)
    result = lab.server.command("revoke-device", str(front.device_id()))
    assert result.returncode == 0, result.stderr
    rows, ops = faults.station_rows(front.file), outbox(front.file)
    answers = applied_transactions(lab, front)
    next_seq = faults.server_device(lab.server, front.device_id()).next_seq
    lab.proxy.configure(0.3)
    with faults.client_timeout(CLIENT_TIMEOUT), front.opened() as context:
        for _ in range(50):  # through a faulty line, until the server's answer arrives
            problem = faults.try_sync(context)
            assert isinstance(problem, sync.SyncProblem)
            if not problem.reason.transient:
                break
        assert problem.reason is FailureReason.REVOKED
        status = sync.sync_status(context)
        assert status.state is sync.SyncState.STOPPED
        assert status.pending_changes == len([op for op in ops if not op["acknowledged"]]) > 0
    lab.proxy.configure(0.0)
    assert faults.station_rows(front.file) == rows, "the laptop keeps every record"
    assert outbox(front.file) == ops, "and every operation"
    assert applied_transactions(lab, front) == answers
    assert faults.server_device(lab.server, front.device_id()).next_seq == next_seq
    lab.laptops.remove(front)  # revoked: it no longer converges, by design
    assert_clean(lab)


@pytest.mark.parametrize("what", ["protocol", "schema"])
def test_an_incompatible_program_is_refused_cleanly_and_nothing_changes(
    lab: Lab, monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    front = lab.laptop("前台")
    _edit(front, random.Random(SEED))
    rows, ops = faults.station_rows(front.file), outbox(front.file)
    with front.opened() as context:
        with monkeypatch.context() as patch:
            if what == "protocol":
                patch.setattr(sync_replica, "PROTOCOL_VERSION", PROTOCOL_VERSION + 1)
            else:
                patch.setattr(station_schema, "REVISION", "0001")
            problem = faults.try_sync(context)
        assert isinstance(problem, sync.SyncProblem)
        assert problem.reason is FailureReason.OUTDATED
        assert sync.sync_status(context).state is sync.SyncState.STOPPED
    assert [row for key, row in faults.station_rows(front.file).items() if key not in rows] == []
    assert outbox(front.file) == ops
    assert applied_transactions(lab, front) == 0
    assert_clean(lab)


# --- a replica bug the convergence checks found -----------------------------------------------------------------------


def test_a_pulled_row_keeps_the_servers_update_time(lab: Lab) -> None:
    front, court = lab.laptop("前台"), lab.laptop("移动仲裁庭")
    case_id = shared_case(lab, front, court)
    with front.opened() as context:
        with context.database.transaction() as session:
            session.get_one(Case, case_id).facts = "前台补充的事实"
        sync.sync_now(context)
    with court.opened() as context:
        case_actions.perform(context, case_id, CaseAction.ACCEPT)  # later than front's edit, before pulling it
        sync.sync_now(context)  # pushes the acceptance, pulls the row with front's facts and court's update time
    drift = [problem for problem in faults.divergence(lab.server, court) if "updated_at" in problem]
    assert drift == []


def test_the_harness_counts_what_it_should(lab: Lab) -> None:
    """The check itself: an operation the server never received is reported lost, one it answered for twice is
    reported duplicated."""
    front = lab.laptop("前台")
    with front.opened() as context:
        register(context, intake_form(2))
        committed_ops(front, context)
        sync.sync_now(context)
    assert lab.check().ok
    entries = sorted(front.oplog.entries().values(), key=lambda entry: entry["seq"])
    lost = {**entries[-1], "op_id": str(uuid.uuid4()), "seq": entries[-1]["seq"] + 1000}
    with front.oplog.path.open("a", encoding="utf-8") as stream:
        stream.write(json.dumps(lost) + "\n")
    twice = entries[-2]  # inside the registration's transaction, so no stored answer starts at it
    with lab.server.database.transaction() as session:
        session.add(
            AppliedTransaction(
                device_id=front.device_id(),
                first_seq=twice["seq"],
                last_seq=twice["seq"],
                tx_id=uuid.uuid4(),
                result={"status": "applied", "ops": [{"op_id": twice["op_id"], "seq": twice["seq"]}]},
            )
        )
    verdict = lab.check()
    assert len(verdict.lost) == 1
    assert len(verdict.duplicated) == 1
