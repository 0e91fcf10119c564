"""The station app's Linux bundle (``make package``, which ``make bench`` runs first when dist/ has no .deb):
its size unpacked, the .deb's beside it, and the newest glibc its ELF files need (installer/glibc-floor.sh)."""

import subprocess
from dataclasses import dataclass
from pathlib import Path

import heze_station

CHECKOUT = Path(__file__).resolve().parent.parent
BUNDLE = CHECKOUT / "build" / "bundle" / "heze-station"
SIZE_GOAL_MIB = 150.0
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
