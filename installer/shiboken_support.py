"""shiboken's signature support compiled at build time, so that no start of the bundle compiles it from source.

libshiboken6 carries the Python source of its signature support, the package ``shibokensupport`` (13 modules,
130 KB), in a zip archive inside the library, and at every start its bootstrap (``signature_bootstrap.py``, embedded
as well) runs each module from that source with ``compile()``: a tenth of the instructions the bundle executed until
its sign-in window. Before it opens the archive, the bootstrap looks for a folder ``files.dir`` beside shiboken6's
``__init__`` (the one shiboken's ``SBK_EMBED=0`` writes the sources into) and, when it exists, imports the package
from there through Python's own importer, which runs compiled files found without their source (``loader.pyc``
where ``loader.py`` would be) as they are. So the bundle carries ``shiboken6/files.dir`` with the package compiled.

The modules are compiled from the sources of the installed shiboken6 at optimisation level 0 under the names the
embedded importer gives them (``shibokensupport/signature/loader.py``), as the bundle's interpreter (run without
``-O``) compiled them at each start: the same code objects. (The bootstrap imports the package twice, once to find
the folder and once for good; from compiled files each import costs a fraction of one compilation.)

Usage: python shiboken_support.py OUTPUT_FOLDER (writes OUTPUT_FOLDER/shibokensupport/...pyc)
"""

import py_compile
import subprocess
import sys
import tempfile
from pathlib import Path

FOLDER = "shiboken6/files.dir"  # where the bootstrap looks, relative to the bundle's folder of packages
PACKAGE = "shibokensupport"

# Run in a separate interpreter: the sources are read where shiboken's embedded importer left them, in the archive
# it keeps as the package's loader, which exists only once a Qt module has been imported.
EXTRACT = f"""
import sys
import PySide6.QtCore
archive = sys.modules["{PACKAGE}"].__loader__.zfile
archive.extractall(sys.argv[1], [name for name in archive.namelist() if name.startswith("{PACKAGE}/")])
"""


def compiled(output: Path) -> list[tuple[str, str]]:
    """Writes the compiled package under ``output`` and returns each file as (its place in the bundle, its path)."""
    with tempfile.TemporaryDirectory(prefix="heze-shibokensupport-") as folder:
        sources = Path(folder)
        subprocess.run([sys.executable, "-c", EXTRACT, str(sources)], check=True)
        modules = sorted(sources.glob(f"{PACKAGE}/**/*.py"))
        if not modules:
            raise RuntimeError(f"shiboken6 embeds no {PACKAGE} any more: the bundle would compile it at each start")
        files = []
        for source in modules:
            name = source.relative_to(sources).as_posix()
            target = output / Path(name).with_suffix(".pyc")
            py_compile.compile(
                str(source),
                cfile=str(target),
                dfile=name,
                doraise=True,
                optimize=0,
                invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
            )
            files.append((f"{FOLDER}/{Path(name).with_suffix('.pyc').as_posix()}", str(target)))
    return files


if __name__ == "__main__":
    for destination, _path in compiled(Path(sys.argv[1])):
        print(destination)
