"""Station accounts: what a login and a password must look like, and how long a wrong password makes one wait.

Passwords are hashed elsewhere (services.accounts, Argon2id); here are only the rules a person types against.
"""

import enum
import functools
import itertools
import re
from collections.abc import Iterable
from datetime import timedelta

from .errors import refusal
from .messages import QT_TRANSLATE_NOOP


class StaffRole(enum.StrEnum):
    COORDINATOR = "coordinator"
    MEDIATOR = "mediator"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    StaffRole.COORDINATOR: QT_TRANSLATE_NOOP("Domain", "Coordinator"),
    StaffRole.MEDIATOR: QT_TRANSLATE_NOOP("Domain", "Mediator"),
    StaffRole.ADMINISTRATOR: QT_TRANSLATE_NOOP("Domain", "Administrator"),
}

LOGIN_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
PASSWORD_MIN = 8
PASSWORD_MAX = 128

# The demo station's accounts, documented in the README and on the demo's sign-in window.
DEMO_PASSWORD = "demo"

# Why only the administrator may sign in on a laptop the city revoked (services.accounts, the sign-in window).
REVOKED_LAPTOP = QT_TRANSLATE_NOOP(
    "Domain",
    "The city bureau has blocked this computer (for example after it was reported lost). Only the station's "
    "administrator can sign in now, to enrol it again; all records on it are kept.",
)

# Wrong passwords in a row before the first wait, and the longest wait: slow enough that guessing through the
# sign-in window is hopeless, short enough that a forgetful administrator is never locked out for good.
FREE_ATTEMPTS = 3
LONGEST_WAIT = timedelta(minutes=5)


def normalise_login(text: str, *, field: str = "login") -> str:
    """A login as stored: trimmed, lower case, 2-32 letters, digits, dots, dashes or underscores."""
    login = text.strip().lower()
    if not login:
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "Please enter a login."))
    if not LOGIN_PATTERN.fullmatch(login):
        raise refusal(
            field,
            QT_TRANSLATE_NOOP(
                "Domain",
                "A login is 2 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit.",
            ),
        )
    return login


def check_new_password(password: str, *, field: str = "password", known: Iterable[str] = ()) -> str:
    """A password a person chooses: 8 to 128 characters, not only spaces, not easily guessed (``known``: the words a
    thief would try first with it, such as the login, the person's name and the station's); kept exactly as typed."""
    if not password.strip():
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "Please enter a password."))
    if len(password) < PASSWORD_MIN:
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "A password has at least {count} characters."), count=8)
    if len(password) > PASSWORD_MAX:
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "A password has at most {count} characters."), count=128)
    found = weakness(password, known)
    if found is not None:
        raise refusal(
            field,
            QT_TRANSLATE_NOOP(
                "Domain",
                "{weakness} Choose a longer one: a few words or a short sentence is easier to remember than symbols, "
                "and harder to guess.",
            ),
            weakness=found,
        )
    return password


class Weakness(enum.StrEnum):
    """Why a password is easily guessed: the first kind of guess that finds it, said to the person choosing it."""

    NAMES = "names"
    PINYIN = "pinyin"
    COMMON = "common"
    REPEATS = "repeats"
    RUNS = "runs"
    DATES = "dates"
    GUESSABLE = "guessable"

    @property
    def label(self) -> str:
        return _WEAKNESS_LABELS[self]


_WEAKNESS_LABELS = {
    Weakness.NAMES: QT_TRANSLATE_NOOP("Domain", "It is built on the login, the person's name or the station's name."),
    Weakness.PINYIN: QT_TRANSLATE_NOOP(
        "Domain", "Names of people and places in pinyin (such as wangjing, heze) are among the first guesses."
    ),
    Weakness.COMMON: QT_TRANSLATE_NOOP("Domain", "It is one of the passwords people use most, tried first."),
    Weakness.REPEATS: QT_TRANSLATE_NOOP("Domain", "Repeated characters (such as 888 or abcabc) are easily guessed."),
    Weakness.RUNS: QT_TRANSLATE_NOOP(
        "Domain", "Runs of characters or of neighbouring keys (such as 1234, abcd or qwer) are easily guessed."
    ),
    Weakness.DATES: QT_TRANSLATE_NOOP("Domain", "Dates and years are easily guessed."),
    Weakness.GUESSABLE: QT_TRANSLATE_NOOP("Domain", "This password is easily guessed."),
}

# The guesses zxcvbn's estimate must reach: its score 3, at least 10^8 guesses, "safely unguessable" by its scale.
# A thief with the laptop tries passwords against its key slots offline; each guess costs an Argon2id derivation
# (about 0.3 s on a station laptop), so 10^8 guesses are years of one laptop's work and months of a hundred's,
# where a common password falls within the first thousand.
SAFE_SCORE = 3
# zxcvbn's own limit: estimating a longer password costs time and tells nothing more.
_JUDGED_CHARACTERS = 72
# The weakness each kind of zxcvbn's guesses shows (its "regex" pattern is a recent year).
_SHOWN_BY = {"repeat": Weakness.REPEATS, "sequence": Weakness.RUNS, "spatial": Weakness.RUNS, "date": Weakness.DATES,
             "regex": Weakness.DATES}  # fmt: skip


# zxcvbn's word lists are English: the names Chinese people build passwords on (张伟 1985) are looked for as typed in
# pinyin, the commonest surnames and given-name syllables, which cover most of the people a station serves.
PINYIN_NAMES = (
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu",
    "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng",
    "zeng", "xiao", "tian", "dong", "yuan", "pan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu",
    "ding", "ren", "shen", "yao", "jin", "fang", "shi", "qiu", "kong", "bai", "cui", "kang", "mao", "qin", "jia",
    "xue", "lei", "hou", "long", "duan", "hao", "shao", "meng", "qian", "yin", "min", "jing", "qiang", "jun",
    "yong", "yan", "jie", "tao", "ming", "chao", "xiu", "xia", "ping", "gang", "hua", "hui", "na", "fei", "bo",
    "lan", "ying", "xin", "hong", "mei", "qing", "zhen", "hai", "bin", "kai", "jian", "fu", "san", "si"
)  # fmt: skip


# The city and its districts and counties, in pinyin: "heze2026" and "mudan2026" are what a station's people try.
PINYIN_PLACES = (
    "heze", "mudan", "dingtao", "caoxian", "shanxian", "chengwu", "juye", "yuncheng", "juancheng", "dongming"
)  # fmt: skip


@functools.cache
def _pinyin_words() -> tuple[str, ...]:
    """The syllables and the places, then every name of two syllables ("wangwei", "xiaoming"), the commonest first
    (zxcvbn counts a word's guesses by its place in the list). Found as whole words, a person's name with a year
    ("wangwei1985") is as easily guessed as it is: matched syllable by syllable, zxcvbn rated it safe."""
    order = sorted(itertools.product(range(len(PINYIN_NAMES)), repeat=2), key=lambda pair: (max(pair), pair))
    return (*PINYIN_NAMES, *PINYIN_PLACES, *(PINYIN_NAMES[first] + PINYIN_NAMES[second] for first, second in order))


def weakness(password: str, known: Iterable[str] = ()) -> Weakness | None:
    """How ``password`` is easily guessed, by zxcvbn's estimate of the guesses it takes (with ``known``, the words
    of this person and station); None when it is not."""
    from zxcvbn import zxcvbn  # imported when a password is chosen: not on every start (a few MiB of word lists)

    given = [word for word in known if word]
    judged = zxcvbn(password[:_JUDGED_CHARACTERS], user_inputs=given + list(_pinyin_words()))
    if judged["score"] >= SAFE_SCORE:
        return None
    given_words = {word.lower() for word in given}
    # The part of the password guessed by the longest stretch tells what to avoid ("19850312ab": the date); of two
    # as long, the weakness listed first in Weakness.
    ranks = {kind: rank for rank, kind in enumerate(reversed(Weakness))}
    shown = [(len(match["token"]), _shown_by(match, given_words)) for match in judged["sequence"]]
    found = [(length, ranks[kind], kind) for length, kind in shown if kind is not None]
    return max(found)[2] if found else Weakness.GUESSABLE


def _shown_by(match: dict, given_words: set[str]) -> Weakness | None:
    if match["pattern"] != "dictionary":
        return _SHOWN_BY.get(match["pattern"])
    if match["dictionary_name"] != "user_inputs":  # zxcvbn's lists of common passwords and words
        return Weakness.COMMON
    return Weakness.NAMES if match["matched_word"] in given_words else Weakness.PINYIN


def wait_after_failures(failures: int) -> timedelta:
    """How long the sign-in window refuses to try again after ``failures`` wrong passwords in a row.

    Nothing for the first few, then 5 s doubling to at most five minutes; it never grows into a lock-out.
    """
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    return min(timedelta(seconds=5 * 2 ** (failures - FREE_ATTEMPTS)), LONGEST_WAIT)
