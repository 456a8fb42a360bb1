"""The scanner worker: a separate process that talks to the device driver.

SANE backends are C code from many vendors; one that crashes or hangs must not take the desk
app (and the officer's open dossier) with it. The parent starts this module in its own process
(multiprocessing "spawn": nothing of the parent's threads or Qt state is inherited) and talks to
it over a pipe:

    parent → worker   the request (argument of ``worker_main``); later {"op": "cancel"}
    worker → parent   {"type": "progress", "fraction": f}      (also a heartbeat)
                      {"type": "page", "file": name, "seq": n, "dpi": d}
                      {"type": "devices", "devices": [...]}
                      {"type": "fault", "fault": "...", "detail": "..."}
                      {"type": "done", "pages": n}

Each page is written to the session's ``incoming`` folder (``.part`` then renamed, with a small
JSON sidecar first) before its message is sent, so a page the worker finished is never lost even
if the worker, or the parent, dies the next instant.

Backends: python-sane when importable, else the ``scanimage`` command; WIA on Windows (wia.py).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from .faults import BackendFault, fault_from_sane, open_fault
from .model import ColourMode, DeviceInfo, ScanFault, ScanProfile, Source
from .options import (
    OptionDesc,
    available_modes,
    available_resolutions,
    available_sources,
    from_python_sane,
    from_scanimage_help,
    plan,
)

if TYPE_CHECKING:
    from PIL import Image

RAW_PREFIX = "raw-"


class ScanBackend:
    """What every scanner backend offers the worker (SANE, scanimage, WIA)."""

    name = "base"

    def devices(self) -> list[DeviceInfo]:
        raise NotImplementedError

    def scan(
        self,
        profile: ScanProfile,
        *,
        extra: dict,
        options_after: dict[int, dict],
        progress: Callable[[float], None],
        should_stop: Callable[[], bool],
    ) -> Iterator[tuple[Image.Image, int]]:
        """Yield (PIL image, dpi) per page; raise BackendFault to stop with a fault. A feeder
        running empty raises BackendFault(NO_DOCS): the caller decides whether that is the
        normal end of a batch."""
        raise NotImplementedError


def device_info(
    name: str, vendor: str, model: str, kind: str, options: list[OptionDesc]
) -> DeviceInfo:
    return DeviceInfo(
        name=name,
        vendor=vendor,
        model=model,
        kind=kind,
        sources=available_sources(options),
        resolutions=available_resolutions(options),
        modes=available_modes(options),
    )


# ------------------------------------------------------------------------------ python-sane
class PythonSaneBackend(ScanBackend):
    name = "python-sane"

    def __init__(self):
        import sane

        self._sane = sane
        sane.init()

    def devices(self) -> list[DeviceInfo]:
        out = []
        for name, vendor, model, kind in self._sane.get_devices():
            options: list[OptionDesc] = []
            try:
                dev = self._sane.open(name)
                try:
                    options = from_python_sane(dev.get_options())
                finally:
                    dev.close()
            except Exception:  # noqa: BLE001, S110 - any driver error: busy or gone, listed with defaults
                pass
            out.append(device_info(name, vendor, model, kind, options))
        return out

    def _apply(self, dev, settings) -> None:
        for name, value in settings:
            attr = name.replace("-", "_")
            try:
                setattr(dev, attr, value)
            except (AttributeError, self._sane._sane.error) as exc:
                # An option the device refuses (inactive, read-only): keep going with defaults.
                if isinstance(exc, self._sane._sane.error):
                    fault = fault_from_sane(exc)
                    if fault not in (ScanFault.UNKNOWN,):
                        raise BackendFault(fault, str(exc)) from exc

    def scan(self, profile, *, extra, options_after, progress, should_stop):
        sane = self._sane
        try:
            dev = sane.open(profile.device)
        except sane._sane.error as exc:
            raise BackendFault(open_fault(exc), f"open {profile.device}: {exc}") from exc
        try:
            options = from_python_sane(dev.get_options())
            the_plan = plan(options, profile)
            self._apply(dev, the_plan.settings)
            self._apply(dev, list(extra.items()))
            try:
                dpi = round(float(dev.resolution))
            except Exception:  # noqa: BLE001 - a driver without a readable resolution: the asked one
                dpi = profile.resolution
            feeder = profile.source != Source.FLATBED
            last = [0.0]  # when progress was last reported

            def on_read(done: int, total: int) -> None:
                now = time.monotonic()
                if now - last[0] > 0.1 and total:
                    last[0] = now
                    progress(min(1.0, done / total))
                if should_stop():
                    dev.cancel()

            count = 0
            while True:
                if should_stop():
                    raise BackendFault(ScanFault.CANCELLED, "cancelled")
                if count in options_after:
                    self._apply(dev, list(options_after[count].items()))
                try:
                    dev.start()
                    last[0] = 0.0
                    img = dev.snap(no_cancel=feeder, progress=on_read)
                except sane._sane.error as exc:
                    raise BackendFault(fault_from_sane(exc), str(exc)) from exc
                except RuntimeError as exc:  # "Scanner returned no data"
                    raise BackendFault(ScanFault.IO_ERROR, str(exc)) from exc
                count += 1
                if the_plan.threshold_here and img.mode != "1":
                    img.info["hcc_threshold"] = True
                yield img, dpi
                if not feeder:
                    return
        finally:
            try:
                dev.cancel()
            except Exception:  # noqa: BLE001, S110 - cancelling an idle device may fail: close anyway
                pass
            dev.close()


# -------------------------------------------------------------------------------- scanimage
class ScanimageBackend(ScanBackend):
    """The same through the ``scanimage`` command (SANE's own front end), for PCs where
    python-sane cannot be built."""

    name = "scanimage"

    def __init__(self):
        self._exe = shutil.which("scanimage")
        if self._exe is None:
            raise ImportError("scanimage not found")

    def devices(self) -> list[DeviceInfo]:
        fmt = "%d\t%v\t%m\t%t%n"
        res = subprocess.run(
            [self._exe, "-f", fmt], capture_output=True, text=True, timeout=60, env=_c_locale()
        )
        out = []
        for line in res.stdout.splitlines():
            parts = line.split("\t")
            if len(parts) != 4:
                continue
            name, vendor, model, kind = parts
            out.append(device_info(name, vendor, model, kind, options=self._options(name)))
        return out

    def _options(self, device: str) -> list[OptionDesc]:
        try:
            res = subprocess.run(
                [self._exe, "-d", device, "-A"],
                capture_output=True,
                text=True,
                timeout=60,
                env=_c_locale(),
            )
        except subprocess.TimeoutExpired:
            return []
        return from_scanimage_help(res.stdout)

    def scan(self, profile, *, extra, options_after, progress, should_stop):
        options = self._options(profile.device)
        if not options:
            probe = subprocess.run(
                [self._exe, "-d", profile.device, "-A"],
                capture_output=True,
                text=True,
                timeout=60,
                env=_c_locale(),
            )
            raise BackendFault(open_fault(probe.stderr), probe.stderr.strip()[-300:])
        the_plan = plan(options, profile)
        settings = list(the_plan.settings) + list(extra.items())
        feeder = profile.source != Source.FLATBED
        dpi = int(dict(settings).get("resolution", profile.resolution))
        done = 0
        # options_after: run one scanimage per stretch of pages with the same settings.
        stops = sorted(k for k in options_after if k > 0)
        with tempfile.TemporaryDirectory(prefix="hcc-scan-") as tmp:
            while True:
                if done in options_after:
                    settings = settings + list(options_after[done].items())
                limit = next((s for s in stops if s > done), None)
                count = (limit - done) if limit is not None else None
                if not feeder:
                    count = 1
                got = 0
                for path in self._run(
                    profile.device, settings, Path(tmp), done, count, progress, should_stop
                ):
                    from PIL import Image

                    with Image.open(path) as img:
                        img.load()
                        page = img.copy()
                    path.unlink(missing_ok=True)
                    got += 1
                    done += 1
                    yield page, dpi
                if not feeder or (count is not None and got < count) or count is None:
                    return

    def _run(self, device, settings, tmp: Path, start, count, progress, should_stop):
        args = [
            self._exe,
            "-d",
            device,
            "--format=pnm",
            "--progress",
            f"--batch={tmp}/p%06d.pnm",
            f"--batch-start={start + 1}",
            "--batch-print",
        ]
        if count is not None:
            args.append(f"--batch-count={count}")
        for name, value in settings:
            flag = {"tl-x": "-l", "tl-y": "-t", "br-x": "-x", "br-y": "-y"}.get(name)
            if isinstance(value, bool):
                value = "yes" if value else "no"
            args += [flag, str(value)] if flag else [f"--{name}={value}"]
        proc = subprocess.Popen(
            args,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_c_locale(),
            text=True,
            bufsize=1,
        )
        import threading

        errors: list[str] = []

        def read_stderr():
            for line in proc.stderr:
                m = re.search(r"Progress:\s*([\d.]+)%", line)
                if m:
                    progress(float(m.group(1)) / 100)
                else:
                    errors.append(line.strip())

        reader = threading.Thread(target=read_stderr, daemon=True)
        reader.start()
        assert proc.stdout is not None  # piped above
        try:
            for line in proc.stdout:
                if should_stop():
                    proc.terminate()
                    raise BackendFault(ScanFault.CANCELLED, "cancelled")
                path = Path(line.strip())
                if path.is_file():
                    yield path
            proc.wait()
            reader.join(5)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        problems = [
            e
            for e in errors
            if "sane_start" in e
            or "sane_read" in e
            or "open of device" in e
            or "no SANE devices" in e
        ]
        if problems:
            fault = fault_from_sane(problems[-1])
            if "open of device" in problems[-1]:
                fault = open_fault(problems[-1])
            raise BackendFault(fault, problems[-1])
        if proc.returncode not in (0, None):
            raise BackendFault(ScanFault.UNKNOWN, " ".join(errors)[-300:])


def _c_locale() -> dict:
    env = dict(os.environ)
    env.update(LC_ALL="C", LANGUAGE="C", LANG="C")
    return env


def make_backend(preferred: str | None = None) -> ScanBackend:
    """``preferred``: "python-sane", "scanimage", "wia" or None (best available)."""
    import sys

    order = (
        [preferred]
        if preferred
        else (["wia"] if sys.platform == "win32" else ["python-sane", "scanimage"])
    )
    last: Exception | None = None
    for name in order:
        try:
            if name == "python-sane":
                return PythonSaneBackend()
            if name == "scanimage":
                return ScanimageBackend()
            if name == "wia":
                from .wia import WiaBackend

                return WiaBackend()
        except ImportError as exc:
            last = exc
    raise BackendFault(ScanFault.DISCONNECTED, f"no scanner backend available: {last}")


# ----------------------------------------------------------------------------- the process
def _write_page(incoming: Path, seq: int, img, dpi: int, mode: str, threshold: bool) -> str:
    base = incoming / f"{RAW_PREFIX}{seq:06d}"
    side = base.with_suffix(".json")
    side.write_text(json.dumps({"dpi": dpi, "mode": mode, "threshold_here": threshold}))
    target = base.with_suffix(".pnm")
    part = target.with_name(target.name + ".part")
    with part.open("wb") as f:
        img.save(f, format="PPM")
        f.flush()
        os.fsync(f.fileno())
    os.replace(part, target)
    return target.name


def worker_main(conn, request: dict) -> None:
    """Entry point of the worker process."""
    os.environ.update(LC_ALL="C", LANGUAGE="C")  # untranslated SANE status texts
    if request.get("sane_config_dir"):
        os.environ["SANE_CONFIG_DIR"] = request["sane_config_dir"]
    stop = {"flag": False}

    def should_stop() -> bool:
        try:
            while conn.poll():
                if conn.recv().get("op") == "cancel":
                    stop["flag"] = True
        except (EOFError, OSError):
            stop["flag"] = True  # the parent is gone: stop the device and exit
        return stop["flag"]

    def send(msg: dict) -> None:
        try:
            conn.send(msg)
        except (BrokenPipeError, OSError):
            stop["flag"] = True

    try:
        backend = make_backend(request.get("backend"))
        if request["op"] == "list":
            send({"type": "devices", "devices": [_device_dict(d) for d in backend.devices()]})
            send({"type": "done", "pages": 0})
            return
        profile = ScanProfile.from_dict(request["profile"])
        incoming = Path(request["incoming"])
        incoming.mkdir(parents=True, exist_ok=True)
        seq = int(request.get("first_seq", 1))
        options_after = {int(k): v for k, v in (request.get("options_after") or {}).items()}
        pages = 0
        try:
            for img, dpi in backend.scan(
                profile,
                extra=request.get("extra") or {},
                options_after=options_after,
                progress=lambda f: send({"type": "progress", "fraction": f}),
                should_stop=should_stop,
            ):
                threshold = bool(img.info.pop("hcc_threshold", False))
                name = _write_page(incoming, seq, img, dpi, str(profile.mode), threshold)
                send({"type": "page", "file": name, "seq": seq, "dpi": dpi})
                seq += 1
                pages += 1
                if stop["flag"]:
                    raise BackendFault(ScanFault.CANCELLED, "cancelled")
        except BackendFault as fault:
            if fault.fault == ScanFault.NO_DOCS and pages and profile.source != Source.FLATBED:
                send({"type": "done", "pages": pages})  # the feeder ran empty: normal end
                return
            raise
        send({"type": "done", "pages": pages})
    except BackendFault as fault:
        send({"type": "fault", "fault": fault.fault.value, "detail": fault.detail})
    except Exception as exc:  # noqa: BLE001 - a driver error we do not know: report it, never hang
        send({"type": "fault", "fault": ScanFault.UNKNOWN.value, "detail": repr(exc)})
    finally:
        try:
            conn.close()
        except OSError:
            pass


def _device_dict(d: DeviceInfo) -> dict:
    data = asdict(d)
    data["sources"] = [str(s) for s in d.sources]
    data["modes"] = [str(m) for m in d.modes]
    return data


def device_from_dict(data: dict) -> DeviceInfo:
    return DeviceInfo(
        name=data["name"],
        vendor=data.get("vendor", ""),
        model=data.get("model", ""),
        kind=data.get("kind", ""),
        sources=tuple(Source(s) for s in data.get("sources", ())),
        resolutions=tuple(int(r) for r in data.get("resolutions", ())),
        modes=tuple(ColourMode(m) for m in data.get("modes", ())),
    )
