"""What the station app's bundle does at build time so that its start compiles and inflates nothing
(installer/README.md, the cold start): shiboken's signature support compiled, the start's modules stored plain.
The installed bundle starting with them is checked by make package-check (installer/check-deb.sh)."""

import marshal
import subprocess
import sys
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent.parent / "installer"
sys.path.insert(0, str(INSTALLER))
import shiboken_support  # noqa: E402 - the installer's modules are scripts beside the spec, not a package
import start_modules  # noqa: E402

CHECKOUT = INSTALLER.parent
PYC_HEADER = 16  # magic, flags, source hash


def test_the_compiled_signature_support_is_the_code_shiboken_compiles_at_each_start(tmp_path: Path) -> None:
    files = shiboken_support.compiled(tmp_path / "files.dir")
    sources = tmp_path / "sources"
    subprocess.run([sys.executable, "-c", shiboken_support.EXTRACT, str(sources)], check=True)

    assert {destination for destination, _path in files} >= {
        "shiboken6/files.dir/shibokensupport/__init__.pyc",
        "shiboken6/files.dir/shibokensupport/signature/loader.pyc",
        "shiboken6/files.dir/shibokensupport/signature/mapping.pyc",
    }
    for destination, path in files:
        name = destination.removeprefix(f"{shiboken_support.FOLDER}/").removesuffix("c")
        embedded = compile((sources / name).read_text(encoding="utf-8"), name, "exec")
        assert marshal.loads(Path(path).read_bytes()[PYC_HEADER:]) == embedded, name


def test_shibokens_bootstrap_imports_the_compiled_support_without_its_sources(tmp_path: Path) -> None:
    folder = tmp_path / "files.dir"
    shiboken_support.compiled(folder)
    # What signature_bootstrap.find_incarnated_files does when files.dir exists, after a first embedded start.
    imported = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, PySide6.QtCore\n"
            "for name in [name for name in sys.modules if name.startswith('shibokensupport')]: del sys.modules[name]\n"
            f"sys.path.insert(0, {str(folder)!r})\n"
            "import shibokensupport.signature.loader as loader\n"
            "print(type(loader.__loader__).__name__, loader.__file__)",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()

    assert imported == ["SourcelessFileLoader", str(folder / "shibokensupport" / "signature" / "loader.pyc")]


def test_exactly_the_modules_a_start_imports_until_the_sign_in_window_are_stored_plain() -> None:
    modes = start_modules.collection_modes(
        CHECKOUT, left_to_pyinstaller=("encodings", "heze_station.storage.migrations")
    )

    assert modes["heze_station.cli"] == modes["heze_station.ui.sign_in"] == "pyc"
    assert modes["heze_station.server"] == "pyz"  # the city server is never the station's
    assert not any(name.startswith("encodings") for name in modes)
    assert not any(name.startswith("heze_station.storage.migrations") and mode == "pyc" for name, mode in modes.items())
    # a package stored plain sets each of its submodules the start does not import back to the archive
    stored = [name for name, mode in modes.items() if mode == "pyc"]
    ui_submodules = {path.stem for path in (CHECKOUT / "heze_station" / "ui").glob("*.py")} - {"__init__"}
    assert {f"heze_station.ui.{name}" for name in ui_submodules} <= set(modes)
    assert len(stored) < 200  # the start's hundred modules, not the app's 1,400
