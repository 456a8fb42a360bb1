"""Entry point of the frozen app (PyInstaller): the same ``main`` as the ``hcc-desk`` script."""
import sys

from hcc_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
