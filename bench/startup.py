"""Cold start: the app's smoke test against a bare PySide6 window, each started as a fresh process.

The app signs in as the station's administrator (``--user`` with a password file), as a coordinator would at every
start. The password's Argon2id derivation is slow and big on purpose; the app times it and reports it on its own as
'sign_in_ms' (and its peak memory outside it), and the start's figures leave it out: a safer password setting must not
read as a slower or bigger program.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import astuple, dataclass
from pathlib import Path

from heze_station.services import accounts
from tests.stations import ADMINISTRATOR, DETAILS

# The yardstick: the least a PySide6 program does to show a main window and reach an idle event loop.
BARE_QT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

application = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()


def ready():
    with open("/proc/self/status", encoding="ascii") as status:  # the most memory held until now (Linux)
        peak = [line.split()[1] for line in status if line.startswith("VmHWM:")]
    print("peak_rss_kib", *peak, flush=True)
    print("ready", flush=True)
    application.quit()


QTimer.singleShot(0, ready)
sys.exit(application.exec())
"""

TIMEOUT = 120


@dataclass(frozen=True)
class Start:
    ready_ms: float  # until 'ready': the window shown and the event loop idle
    loaded_ms: float  # until 'loaded': the first page showing the station's data (the bare window has none: = ready)
    exit_ms: float  # until the process had exited
    sign_in_ms: float = 0.0  # the password's key derivation, as the app timed it (bare: 0)
    # The most memory the process held until loaded (the kernel's VmHWM, as the process read it: a child's
    # ru_maxrss also counts the bench's own memory, copied at the fork). The app's leaves out the key derivation.
    peak_rss_kib: int = 0
    # The wait a coordinator has after typing the password, less its key derivation: from the moment the program
    # could take it ('modules_imported': the sign-in waits for the database layer, typed meanwhile) to 'loaded'.
    # The bare window and a start without --user have none: 0.
    after_password_ms: float = 0.0

    @property
    def loaded_less_sign_in_ms(self) -> float:
        return self.loaded_ms - self.sign_in_ms


@dataclass(frozen=True)
class StartTimes:
    app: list[Start]
    bare: list[Start]
    error: str = ""

    @property
    def app_median(self) -> Start:
        return _median(self.app)

    @property
    def bare_median(self) -> Start:
        return _median(self.bare)


def _median(starts: list[Start]) -> Start:
    """Each moment's median over the starts (each on its own: one start need not be the median of all three)."""
    return Start(*(statistics.median(moment) for moment in zip(*(astuple(start) for start in starts), strict=True)))


def app_command() -> list[str]:
    """The checkout's app: the virtual environment's console script."""
    script = Path(sys.executable).with_name("heze-station")
    return [str(script)] if script.exists() else [sys.executable, "-m", "heze_station"]


def _environment(password_file: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment["QT_QPA_PLATFORM"] = "offscreen"
    environment["HEZE_STATION_PASSWORD_FILE"] = str(password_file)
    return environment


def _read_marks(process: subprocess.Popen[str], started: float) -> tuple[dict[str, float], dict[str, float], list[str]]:
    """What a start prints, line by line: each moment's milliseconds since ``started`` (the first time it is
    printed), the figures the app reports itself (sign_in_ms, peak_rss_kib), and the lines of ``-X importtime``
    printed before 'loaded' (when the profile sends them along)."""
    marks: dict[str, float] = {}
    reported: dict[str, float] = {}
    imports: list[str] = []
    assert process.stdout is not None
    for line in process.stdout:
        # print() writes a moment and its line end apart: an import's line written between them follows the moment.
        moment_line, importtime, rest = line.partition("import time:")
        if importtime and "loaded" not in marks:
            imports.append(importtime + rest)
        if not moment_line.strip():
            continue
        moment, _, value = moment_line.strip().partition(" ")
        if moment in ("sign_in_ms", "peak_rss_kib"):
            reported[moment] = float(value)
        marks.setdefault(moment, (time.perf_counter() - started) * 1000)
    return marks, reported, imports


def _time_start(command: list[str], environment: dict[str, str]) -> Start:
    """Milliseconds from starting ``command`` until it printed 'ready', then 'loaded' (if it prints it), and exited."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True, env=environment)
        marks, reported, _ = _read_marks(process, started)
        code = process.wait(timeout=TIMEOUT)
        exited = (time.perf_counter() - started) * 1000
        if code != 0 or "ready" not in marks:
            errors.seek(0)
            tail = errors.read().decode(errors="replace").strip().splitlines()[-3:]
            raise RuntimeError(f"{' '.join(command[:2])} exited with {code}: {' | '.join(tail)}")
    loaded = marks.get("loaded", marks["ready"])
    sign_in = reported.get("sign_in_ms", 0.0)
    return Start(
        marks["ready"],
        loaded,
        exited,
        sign_in,
        int(reported.get("peak_rss_kib", 0)),
        loaded - sign_in - marks.get("modules_imported", loaded - sign_in),
    )


def prepare_data_dir(folder: Path) -> Path:
    """A station folder whose database already exists and is migrated, as on every start but the first; its
    administrator's password with the cost of a real station's (the tests' is cheap), so sign_in_ms is real."""
    data_dir = folder / "data"
    accounts.set_up(data_dir, DETAILS, ADMINISTRATOR).context.close()
    accounts.recovery_key_copied(data_dir)  # copied and checked at setup, as on every start but the first
    return data_dir


def measure(data_dir: Path, runs: int = 5) -> StartTimes:
    """Timings of ``runs`` starts each of the app and the bare window."""
    with tempfile.TemporaryDirectory(prefix="heze-bench-") as folder:
        bare_script = Path(folder) / "bare_qt.py"
        bare_script.write_text(BARE_QT, encoding="utf-8")
        return alternate([*app_command(), *smoke_test_arguments(data_dir)], [sys.executable, str(bare_script)], runs)


def smoke_test_arguments(data_dir: Path) -> list[str]:
    """The app's arguments to sign in to the station in ``data_dir`` as its administrator, then stop when loaded."""
    return ["--smoke-test", "--user", ADMINISTRATOR.login, "--data-dir", str(data_dir)]


def alternate(app: list[str], baseline: list[str], runs: int = 5) -> StartTimes:
    """Timings of ``runs`` starts each of two commands, alternating so that machine noise hits both alike."""
    with tempfile.TemporaryDirectory(prefix="heze-bench-") as folder:
        password_file = Path(folder) / "password"
        password_file.write_text(ADMINISTRATOR.password, encoding="utf-8")
        environment = _environment(password_file)
        try:
            # One unmeasured start each: the first loads the libraries from disk into the page cache.
            _time_start(app, environment)
            _time_start(baseline, environment)
            app_starts, baseline_starts = [], []
            for _ in range(runs):
                app_starts.append(_time_start(app, environment))
                baseline_starts.append(_time_start(baseline, environment))
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            return StartTimes([], [], error=str(error))
    return StartTimes(app_starts, baseline_starts)


# The app's moments as its smoke test prints them, in order: what each phase of a slow start took.
PHASES = ("ready", "modules_imported", "signed_in", "loaded")
PROFILE_IMPORTS = 12  # how many imports a profile lists


def profile(data_dir: Path) -> list[str]:
    """Where one signed-in start of the app spends its time: each phase (the sign-in's less its key derivation),
    then the imports until 'loaded' that took longest (``python -X importtime``: each package's own time, and the
    station's modules by their time with what they imported); those after it do not hold the workbench up."""
    with tempfile.TemporaryDirectory(prefix="heze-bench-") as folder:
        password_file = Path(folder) / "password"
        password_file.write_text(ADMINISTRATOR.password, encoding="utf-8")
        environment = _environment(password_file) | {"PYTHONPROFILEIMPORTTIME": "1"}
        started = time.perf_counter()
        process = subprocess.Popen(
            [*app_command(), *smoke_test_arguments(data_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,  # importtime's lines in order with the moments: those until 'loaded' count
            text=True,
            env=environment,
        )
        marks, reported, imports = _read_marks(process, started)
        process.wait(timeout=TIMEOUT)
    return [*_phases(marks, reported.get("sign_in_ms", 0.0)), *_slowest_imports(imports)]


def _phases(marks: dict[str, float], sign_in_ms: float) -> list[str]:
    lines, previous = [], 0.0
    for phase in PHASES:
        if phase not in marks:
            continue
        took = marks[phase] - previous - (sign_in_ms if phase == "signed_in" else 0.0)
        less = " less the key derivation" if phase == "signed_in" else ""
        lines.append(f"phase until {phase}: {took:.0f} ms{less}")
        previous = marks[phase]
    return lines


def _slowest_imports(importtime: list[str]) -> list[str]:
    """From ``-X importtime``'s lines 'import time: self | cumulative | name' (microseconds, nesting by indent)."""
    own: dict[str, int] = {}
    station: dict[str, int] = {}
    for line in importtime:
        if "|" not in line:
            continue
        fields = line.removeprefix("import time:").split("|")
        if not fields[0].strip().isdigit():
            continue  # the header line
        name = fields[2].strip()
        package = name.split(".")[0]
        own[package] = own.get(package, 0) + int(fields[0])
        if package == "heze_station":
            station[name] = int(fields[1])
    total = sum(own.values())
    lines = [f"imports until loaded: {total / 1000:.0f} ms in all"]
    for package, micro in sorted(own.items(), key=lambda item: -item[1])[:PROFILE_IMPORTS]:
        lines.append(f"import {package}: {micro / 1000:.0f} ms own")
    for name, micro in sorted(station.items(), key=lambda item: -item[1])[:PROFILE_IMPORTS]:
        lines.append(f"import {name}: {micro / 1000:.0f} ms with what it imported")
    return lines
