"""Opening the GUI skips the full parser; anything else still reaches it."""

from pathlib import Path

import pytest

from hcc_desk import cli


@pytest.mark.parametrize(
    ("argv", "profile", "ready"),
    [
        ([], None, False),
        (["--profile", "demo"], Path("demo"), False),  # a profile folder named like a command
        (["--exit-when-ready", "--profile=/tmp/p"], Path("/tmp/p"), True),
    ],
)
def test_gui_arguments_take_the_fast_path(argv, profile, ready):
    args = cli._gui_only_args(argv)
    assert (args.command, args.profile, args.exit_when_ready) == (None, profile, ready)


@pytest.mark.parametrize(
    "argv", [["demo"], ["-h"], ["--profile", "x", "search", "an"], ["--profile"], ["--unknown"]]
)
def test_everything_else_goes_to_the_full_parser(argv):
    assert cli._gui_only_args(argv) is None
