"""The lock files: every dependency pinned, with hashes, per platform (requirements/*.lock).

    python3 scripts/lock.py write            # resolve again and rewrite the lock files
    python3 scripts/lock.py check-windows    # every pin of the Windows lock has a win_amd64 wheel

``write`` asks pip to resolve (``pip install --dry-run --report``, nothing is installed):

* ``desk-windows.lock``: what a counter PC installs (hcc-core and hcc-desk's requirements) for
  Windows x64, Python 3.11, wheels only (what the installer build installs: no compiler on a
  counter PC);
* ``desk-linux.lock``: the same for Linux on this machine's Python (python-sane is built from
  source there, against libsane);
* ``central-linux.lock``: what a server installs (hcc-core and hcc-central's requirements): no
  Qt, scanning or printing.

The requirements are read from requirements/<distribution>.in (scripts/distributions.py).

pip evaluates environment markers for the machine it runs on, so for Windows the project's own
markers are evaluated here for win32 first; transitive dependencies with Windows-only markers
would still be missed (none today). ``check-windows`` runs in CI: a release that cannot be
installed on the counters' platform must not land.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from distributions import ROOT, all_requirements
from packaging.requirements import Requirement

LOCKS = ROOT / "requirements"
# lock file → the distribution whose deployment it pins
LOCKED = {
    "desk-windows.lock": "hcc-desk",
    "desk-linux.lock": "hcc-desk",
    "central-linux.lock": "hcc-central",
}
WINDOWS = {
    "sys_platform": "win32",
    "platform_system": "Windows",
    "os_name": "nt",
    "platform_machine": "AMD64",
    "python_version": "3.11",
    "python_full_version": "3.11.9",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "extra": "",
}
WINDOWS_PIP = [
    "--only-binary=:all:",
    "--platform",
    "win_amd64",
    "--python-version",
    "3.11",
    "--implementation",
    "cp",
    "--abi",
    "cp311",
    "--abi",
    "abi3",
    "--abi",
    "none",
]


def locked_requirements(lock_name: str) -> list[Requirement]:
    """What the lock file must pin: its distribution's requirements with those of the
    distributions it needs (our own distributions themselves are not pinned)."""
    return all_requirements(LOCKED[lock_name])


def for_windows(requirements: list[Requirement]) -> list[str]:
    out = []
    for r in requirements:
        if r.marker is None or r.marker.evaluate(WINDOWS):
            r.marker = None
            out.append(str(r))
    return out


def resolve(requirements: list[str], pip_args: list[str]) -> list[tuple[str, str, str]]:
    """(name, version, sha256) of everything pip would install, sorted by name."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        reqs = Path(tmp) / "requirements.txt"
        reqs.write_text("\n".join(requirements) + "\n")
        target = ["--target", str(Path(tmp) / "t")] if "--platform" in pip_args else []
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--dry-run",
                "--ignore-installed",
                "--quiet",
                "--disable-pip-version-check",
                *pip_args,
                *target,
                "--report",
                str(report),
                "-r",
                str(reqs),
            ],
            check=True,
        )
        items = json.loads(report.read_text())["install"]
    pins = []
    for item in items:
        meta = item["metadata"]
        hashes = item["download_info"].get("archive_info", {}).get("hashes", {})
        pins.append(
            (meta["name"].lower().replace("_", "-"), meta["version"], hashes.get("sha256", ""))
        )
    return sorted(pins)


def write_lock(path: Path, title: str, pins: list[tuple[str, str, str]]) -> None:
    lines = [f"# {title}", "# Written by scripts/lock.py write; do not edit by hand.", ""]
    for name, version, sha in pins:
        lines.append(f"{name}=={version}" + (f" \\\n    --hash=sha256:{sha}" if sha else ""))
    path.write_text("\n".join(lines) + "\n")
    print(f"{path.relative_to(ROOT)}: {len(pins)} packages")


def read_lock(path: Path) -> dict[str, str]:
    """name → pinned version."""
    pins = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith(("#", "--")) and "==" in line:
            name, version = line.split(" ")[0].split("==")
            pins[name] = version
    return pins


def write() -> None:
    LOCKS.mkdir(exist_ok=True)
    write_lock(
        LOCKS / "desk-windows.lock",
        "HCC Desk on a Windows x64 counter PC (Python 3.11)",
        resolve(for_windows(locked_requirements("desk-windows.lock")), WINDOWS_PIP),
    )
    write_lock(
        LOCKS / "desk-linux.lock",
        "HCC Desk on Linux",
        resolve([str(r) for r in locked_requirements("desk-linux.lock")], []),
    )
    write_lock(
        LOCKS / "central-linux.lock",
        "hcc-central on a Linux server",
        resolve([str(r) for r in locked_requirements("central-linux.lock")], []),
    )


def check_windows() -> int:
    pins = read_lock(LOCKS / "desk-windows.lock")
    try:
        resolve([f"{n}=={v}" for n, v in pins.items()], [*WINDOWS_PIP, "--no-deps"])
    except subprocess.CalledProcessError:
        print(
            "desk-windows.lock: some pinned package has no win_amd64 wheel for Python 3.11 "
            "(pip's message above)",
            file=sys.stderr,
        )
        return 1
    print(f"desk-windows.lock: all {len(pins)} pins have a win_amd64 wheel for Python 3.11")
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "write":
        write()
    elif command == "check-windows":
        sys.exit(check_windows())
    else:
        sys.exit(__doc__)
