"""The one place that knows where things are: bundled resources and the user's data folder.

Works the same from the source tree and from a PyInstaller bundle (which unpacks next to ``sys._MEIPASS``).
"""

import sys
from pathlib import Path

import platformdirs

APP_NAME = "heze-station"
APP_AUTHOR = "HezeHRSS"
DATABASE_FILE = "station.sqlite3"  # in the data folder
KEYS_FOLDER = "keys"  # the station's signing key and certificate, in the data folder
# Left in the data folder by a backup put on a new computer (services.backups.restore_on_new_computer) until the first
# sign-in, which can open the database, tells sync how far the backup had numbered its changes.
RESTORED_MARKER = "restored-from-backup"


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def demo_data_dir(data_dir: Path) -> Path:
    """Demo cases live in their own folder beside the real data, so the two can never mix."""
    return data_dir.parent / f"{data_dir.name}-demo"


def has_station(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds a station database (known without opening it, so without the database layer)."""
    return (data_dir / DATABASE_FILE).exists()
