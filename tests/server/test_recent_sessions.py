"""The supervision page's few-second memory of valid sessions never outlives a sign-out or the session itself."""

import uuid
from datetime import timedelta

from heze_station.server.web.accounts import RecentSessions, SignedIn, now


def _session(lasting: timedelta) -> SignedIn:
    return SignedIn(uuid.uuid4(), "督导", "csrf", now() + lasting)


def test_a_session_is_remembered_for_a_few_seconds() -> None:
    recent = RecentSessions()
    signed = _session(timedelta(hours=8))
    recent.keep("token", signed)
    assert recent.get("token") == signed
    assert recent.get("another token") is None


def test_a_session_signed_out_is_not_remembered_again_by_a_page_that_read_it_before() -> None:
    recent = RecentSessions()
    signed = _session(timedelta(hours=8))
    recent.keep("token", signed)
    recent.forget("token")
    recent.keep("token", signed)  # a page in flight that found the session before the sign-out
    assert recent.get("token") is None


def test_an_expired_session_is_not_remembered() -> None:
    recent = RecentSessions()
    recent.keep("token", _session(timedelta(seconds=-1)))
    assert recent.get("token") is None
