"""Checks the Windows installer's payload holds every module the station app imports: the modules PyInstaller's
analysis of the app found for the Linux bundle (make package), each looked up in the payload's site-packages as a
source file, a package or a Windows extension (.pyd). The standard library is the embeddable Python's own.

Usage: python installer/windows/check_payload.py build/pyinstaller/heze-station build/windows/payload
"""

import ast
import sys
from pathlib import Path, PurePosixPath

# Found by the analysis but not needed on Windows: Linux-only modules; PyInstaller's own run-time helpers; and
# libraries that the app's dependencies import only when present (pip installs them for the developers' tools,
# not for the app: its dependencies' metadata does not ask for them, so the Windows wheels do not include them).
NOT_NEEDED = (
    "PySide6.QtDBus",
    "_sysconfigdata_",
    "_pyi_rth_utils",
    "pkg_resources",
    "packaging",
    "rich",
    "pygments",
    "markdown_it",
    "mdurl",
    "requests",
    "urllib3",
    "dotenv",
    "greenlet",
)


def analysed_modules(work: Path) -> set[str]:
    toc = ast.literal_eval((work / "PYZ-00.toc").read_text())
    # PYMODULE-2: compiled as by python -OO (the spec's optimize=2)
    pure = {name for name, _source, kind in toc[1] if kind.startswith("PYMODULE")}
    collected = list(_entries(ast.literal_eval((work / "COLLECT-00.toc").read_text())))
    binary = {
        destination.split("/", 1)[1] if destination.startswith("_internal/") else destination
        for destination, _source, kind in collected
        if kind == "EXTENSION"
    }
    # The modules a start imports, stored beside the archive as plain .pyc (installer/start_modules.py); not
    # shiboken's own compiled support in shiboken6/files.dir, which is no module's path.
    stored_plain = {
        ".".join(parts).removesuffix(".__init__")
        for destination, _source, kind in collected
        if kind == "DATA" and destination.endswith(".pyc")
        for parts in [PurePosixPath(destination).with_suffix("").parts]
        if all(part.isidentifier() for part in parts)
    }
    return pure | stored_plain | {name.split(".cpython")[0].split(".abi3")[0].replace("/", ".") for name in binary}


def _entries(toc: object):
    if isinstance(toc, (list, tuple)):
        if len(toc) == 3 and all(isinstance(part, str) for part in toc):
            yield toc
        else:
            for part in toc:
                yield from _entries(part)


def present(site: Path, module: str) -> bool:
    *parents, last = module.split(".")
    folder = site.joinpath(*parents)
    return (
        (folder / f"{last}.py").exists()
        or (folder / last / "__init__.py").exists()
        or (folder / last).is_dir()  # a namespace package
        or any(folder.glob(f"{last}.*pyd"))
        or any(folder.glob(f"{last}.pyd"))
    )


def main(work: Path, payload: Path) -> int:
    site = payload / "python" / "Lib" / "site-packages"
    stdlib = sys.stdlib_module_names
    wanted = sorted(
        module
        for module in analysed_modules(work)
        if module.split(".")[0] not in stdlib and not module.startswith(NOT_NEEDED) and not module.startswith("python3")
    )
    missing = [module for module in wanted if not present(site, module)]
    for module in missing:
        print(f"missing from the Windows payload: {module}", file=sys.stderr)
    print(f"windows payload: {len(wanted) - len(missing)} of {len(wanted)} modules the app imports are present")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
