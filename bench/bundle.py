"""The station app's packages (``make package`` and ``make package-windows``, which ``make bench`` runs first when
dist/ has none or a source is newer): the Linux bundle's size unpacked, the .deb's beside it, the newest glibc its
ELF files need (installer/glibc-floor.sh) and its cold start against the checkout's; the Windows installer's size."""

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import heze_station

from . import startup

CHECKOUT = Path(__file__).resolve().parent.parent
BUNDLE = CHECKOUT / "build" / "bundle" / "heze-station"
SIZE_GOAL_MIB = 150.0
COLD_START_GOAL_RATIO = 1.0  # the bundle starts no slower than the checkout it was built from
GLIBC_GOAL = "2.28"  # UOS 20 and Kylin V10
MIB = 1024 * 1024


@dataclass(frozen=True)
class Bundle:
    size_mib: float
    deb_mib: float | None
    glibc_floor: str  # "2.36"


def minor(glibc: str) -> int:
    """The minor version of a glibc 2.x, the figure's value (2.36 -> 36): a float would round 2.28 to 2.3."""
    return int(glibc.split(".")[1])


def measure() -> Bundle | None:
    if not BUNDLE.is_dir():
        return None
    size = sum(file.lstat().st_size for file in BUNDLE.rglob("*") if file.is_file() and not file.is_symlink())
    deb = CHECKOUT / "dist" / f"heze-station_{heze_station.__version__}_amd64.deb"
    floor = subprocess.run(
        ["sh", str(CHECKOUT / "installer" / "glibc-floor.sh"), str(BUNDLE)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return Bundle(size / MIB, deb.stat().st_size / MIB if deb.exists() else None, floor)


def cold_start(runs: int = 5) -> startup.StartTimes | None:
    """The bundle's starts (``app``) against the checkout's (``bare``: its virtual environment's console script),
    alternating, each signing in to the same station and stopping when loaded. The bundle is measured where
    ``make package`` left it: the .deb installs these same files to /opt/heze-station."""
    program = BUNDLE / "heze-station"
    if not program.exists():
        return None
    with tempfile.TemporaryDirectory(prefix="heze-bench-bundle-") as folder:
        arguments = startup.smoke_test_arguments(startup.prepare_data_dir(Path(folder)))
        return startup.alternate([str(program), *arguments], [*startup.app_command(), *arguments], runs)


def windows_installer_mib() -> float | None:
    """The size of ``make package-windows``'s installer, or None when it was not built (no makensis)."""
    installer = CHECKOUT / "dist" / f"heze-station-{heze_station.__version__}-setup.exe"
    return installer.stat().st_size / MIB if installer.exists() else None
