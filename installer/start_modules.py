"""The modules a start imports until the sign-in window is ready, which the bundle keeps as plain compiled files
beside the program instead of in its archive (PyInstaller's ``module_collection_mode`` "pyc").

The program file's archive of Python modules is compressed at zlib's level 9 and each module is inflated when it is
imported: for the hundred modules a start reads until the sign-in window, 40 M instructions of zlib, 4 % of the
start, which the checkout (plain .pyc files) does not spend. Stored plain they cost 1.1 MiB more than compressed;
the other 1,400 modules (10 MiB compressed, 24 plain) stay in the archive.

Which modules those are is measured at build time on the checkout the bundle is built from, as the bench measures a
start (bench/startup.py): a station is set up in a temporary folder (at the tests' password cost: nobody signs in),
then the app starts on it offscreen with ``-X importtime`` and its smoke test stops at the sign-in window.
"""

import os
import pkgutil
import re
import subprocess
import sys
import tempfile
from importlib.machinery import PathFinder
from pathlib import Path

IMPORTED = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)$", re.MULTILINE)
SET_UP = "import sys; from pathlib import Path; from tests.stations import set_up; set_up(Path(sys.argv[1]))"


def imported_until_ready(root: Path) -> set[str]:
    """The modules the checkout in ``root`` imports from its start until its sign-in window is ready."""
    with tempfile.TemporaryDirectory(prefix="heze-start-modules-") as folder:
        data_dir = Path(folder) / "data"
        # A home of its own: the start writes nothing into the builder's.
        environment = {**os.environ, "HOME": folder, "QT_QPA_PLATFORM": "offscreen"}
        subprocess.run([sys.executable, "-c", SET_UP, str(data_dir)], cwd=root, env=environment, check=True)
        arguments = ["-X", "importtime", "-m", "heze_station", "--smoke-test", "--data-dir", str(data_dir)]
        return set(IMPORTED.findall(_until_ready([sys.executable, *arguments], root, environment)))


def _until_ready(command: list[str], root: Path, environment: dict[str, str]) -> str:
    """What the start prints on stderr until it prints 'ready', where it is stopped: what it imports afterwards, in
    the background, is not the start's."""
    with tempfile.TemporaryFile("w+") as printed:
        start = subprocess.Popen(command, cwd=root, env=environment, stdout=subprocess.PIPE, stderr=printed, text=True)
        with start.stdout:
            ready = "ready\n" in start.stdout
            start.kill()
        start.wait()
        printed.seek(0)
        imports = printed.read()
    if not ready:
        raise RuntimeError(f"the app's start did not reach its sign-in window: {imports[-2000:]}")
    return imports


def collection_modes(root: Path, left_to_pyinstaller: tuple[str, ...]) -> dict[str, str]:
    """PyInstaller's ``module_collection_mode`` storing exactly the start's modules plain, but for those in the
    packages ``left_to_pyinstaller``, which it places as it would (the spec's: the base modules, in base_library.zip
    uncompressed already; the migrations, whose sources the bundle carries too: a plain .pyc beside its .py would be
    passed over for the source, compiled at every start).

    A package's setting holds for its submodules too, so each submodule of a package stored plain that the start
    does not import is set back to the archive ("pyz")."""
    plain = {
        name
        for name in imported_until_ready(root)
        if not any(name == package or name.startswith(f"{package}.") for package in left_to_pyinstaller)
    }
    modes = dict.fromkeys(plain, "pyc")
    for package in plain:
        for submodule in _submodules(package, [str(root), *sys.path]):
            modes.setdefault(submodule, "pyz")
    return modes


def _submodules(name: str, path: list[str]) -> list[str]:
    """The modules and packages directly in package ``name`` (none if it is a module), found under ``path`` as the
    checkout's start found them, without importing anything."""
    parts = name.split(".")
    for depth in range(1, len(parts) + 1):
        spec = PathFinder.find_spec(".".join(parts[:depth]), path)
        if spec is None:  # built into Python, or shiboken's own: the bundle has no file of it
            return []
        path = list(spec.submodule_search_locations or [])
    return [f"{name}.{module.name}" for module in pkgutil.iter_modules(path)]
