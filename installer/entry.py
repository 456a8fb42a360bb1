"""Entry point of the frozen app (PyInstaller): the same ``main`` as the ``hcc-desk`` script."""

import multiprocessing
import sys

from hcc_desk.cli import main

if __name__ == "__main__":
    # The scanner worker is a "spawn" child process: in a frozen app it re-runs this entry point,
    # and freeze_support() turns that run into the worker instead of a second app.
    multiprocessing.freeze_support()
    sys.exit(main())
