"""Entry point of the frozen app (PyInstaller): the same ``main`` as the ``hcc-desk`` script.

A frozen app has no ``python -c``, so the desk's OCR child (src/hcc_desk/core/digitise/ocr.py)
runs this executable as ``hcc-desk --ocr-child NICE OCRMYPDF-ARGS...``: OCRmyPDF in this process,
decided before the app (and Qt) is imported, so it starts fast and never opens a window.
"""

import multiprocessing
import sys

OCR_CHILD_FLAG = "--ocr-child"  # ocr.OCR_CHILD_FLAG


def ocr_child(args: list) -> int:
    """OCRmyPDF's command line on ``args`` after lowering this process's CPU priority by
    ``args[0]`` (inherited by its Tesseracts), as the unfrozen ``python -c`` runner does."""
    import os

    nice = int(args[0])
    if nice and hasattr(os, "nice"):
        os.nice(nice)
    # Tesseract is the PC's program: without the bundle's libraries that PyInstaller put on
    # LD_LIBRARY_PATH (this process's loader read it at start; only the children see the change).
    if getattr(sys, "frozen", False) and "LD_LIBRARY_PATH" in os.environ:
        original = os.environ.get("LD_LIBRARY_PATH_ORIG")
        if original is None:
            del os.environ["LD_LIBRARY_PATH"]
        else:
            os.environ["LD_LIBRARY_PATH"] = original
    from ocrmypdf.__main__ import run

    sys.argv = ["ocrmypdf", *args[1:]]
    return run()


if __name__ == "__main__":
    # The scanner worker is a "spawn" child process: in a frozen app it re-runs this entry point,
    # and freeze_support() turns that run into the worker instead of a second app.
    multiprocessing.freeze_support()
    if len(sys.argv) > 2 and sys.argv[1] == OCR_CHILD_FLAG:
        sys.exit(ocr_child(sys.argv[2:]))
    from hcc_desk.cli import main

    sys.exit(main())
