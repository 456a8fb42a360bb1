"""What every benchmark shares: its ``--short`` mode and its figure lines.

Each figure a benchmark measures is printed on a line of its own that starts with ``figure:``
(in a short run ``figure (short run):``, so a figure from a short run is never mistaken for a
real one). run_all.py counts these lines: a benchmark that prints none has measured nothing.

``--short`` runs the same code paths on tiny sizes, in seconds: it proves the benchmark still
works and still prints its figures (what CI checks); the figures themselves mean little (few
samples, small data, a machine busy with other work).
"""

from __future__ import annotations

import argparse
import re

FULL_MARK = "figure:"
SHORT_MARK = "figure (short run):"
_DIGIT = re.compile(r"\d")

_short = False  # set once by parse_args, read by figure()


def parse_args(
    parser: argparse.ArgumentParser, short: dict[str, object], argv: list[str] | None = None
) -> argparse.Namespace:
    """Parse the command line (``argv``, default sys.argv) with a ``--short`` flag whose sizes
    are ``short`` (argparse dests → values); options given explicitly still win over them."""
    sizes = ", ".join(f"--{k.replace('_', '-')} {v}" for k, v in short.items())
    parser.add_argument(
        "--short",
        action="store_true",
        help=f"a short run ({sizes}): checks that the benchmark still runs and "
        "prints its figures; the figures are not comparable",
    )
    args = parser.parse_args(argv)
    global _short
    _short = args.short
    if args.short:
        parser.set_defaults(**short)
        args = parser.parse_args(argv)
        print(
            f"short run ({sizes}): same code paths on tiny sizes; the figures only show that "
            "it runs",
            flush=True,
        )
    return args


def figure(text: str) -> None:
    """Print one figure line."""
    print(f"{SHORT_MARK if _short else FULL_MARK} {text}", flush=True)


def heading(text: str) -> None:
    """Print a table heading indented like the figure lines under it."""
    print(" " * (len(SHORT_MARK if _short else FULL_MARK) + 1) + text, flush=True)


def figure_lines(output: str, short: bool) -> list[str]:
    """The figure lines in a benchmark's output: marked for the run's kind, with a number."""
    mark = (SHORT_MARK if short else FULL_MARK) + " "
    return [
        line
        for line in output.splitlines()
        if line.startswith(mark) and _DIGIT.search(line, len(mark))
    ]
