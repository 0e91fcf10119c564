"""The ``heze-station`` command: parse the arguments, then start the GUI.

Qt is imported only after the arguments are understood, so ``--version`` and ``--help`` answer instantly and a
machine without a display gets advice instead of Qt's abort.
"""

import argparse
import os
import sys
from pathlib import Path

from . import __version__, paths

NO_DISPLAY_ADVICE = """heze-station needs a graphical display, and this machine has none (DISPLAY is not set).
Start it under a virtual display instead:

    xvfb-run -a {command}

or, to check that it starts without drawing anything, set QT_QPA_PLATFORM=offscreen.
"""


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="heze-station", description="菏谐驿站 labour-dispute mediation desktop")
    parser.add_argument("--data-dir", type=Path, default=None, help="folder of the station database")
    parser.add_argument("--demo", action="store_true", help="open a separate database filled with generated cases")
    parser.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN", help="language of the interface")
    parser.add_argument("--smoke-test", action="store_true", help="open the main window, print 'ready', exit")
    parser.add_argument("--version", action="version", version=f"heze-station {__version__}")
    return parser.parse_args(argv)


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    if not _has_display():
        sys.stderr.write(NO_DISPLAY_ADVICE.format(command=" ".join(["heze-station", *sys.argv[1:]])))
        return 2
    data_dir = arguments.data_dir or paths.default_data_dir()
    if arguments.demo:
        data_dir = paths.demo_data_dir(data_dir)

    from .ui.app import run

    return run(data_dir=data_dir, demo=arguments.demo, language=arguments.lang, smoke_test=arguments.smoke_test)
