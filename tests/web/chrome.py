"""A real headless Chromium driven through the Debian chromedriver (Selenium), never a
downloaded one: the test network is closed, so Selenium Manager is switched off and every
Chromium service that would call Google hosts is turned off by flag."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--lang=vi-VN",
)
DESKTOP = (1366, 768)
PHONE = (390, 844)


def chromium_binary() -> str | None:
    return next((p for p in CHROMIUM if Path(p).exists()), None)


def missing_parts() -> str | None:
    """Why a browser cannot start here, or None."""
    if chromium_binary() is None:
        return "Chromium is not installed (apt-get install chromium chromium-driver)"
    if not Path(CHROMEDRIVER).exists():
        return "chromedriver is not installed (apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (requirements/test.in)"
    return None


@contextmanager
def chromium(size: tuple[int, int] = DESKTOP) -> Iterator[Any]:
    """A fresh headless Chromium (its own profile folder, removed afterwards)."""
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never go online
    from selenium import webdriver

    profile = tempfile.mkdtemp(prefix="hcc-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_binary() or CHROMIUM[0]
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={size[0]},{size[1]}")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # for console_errors()
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.set_page_load_timeout(60)
        set_viewport(driver, size)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def set_viewport(driver: Any, size: tuple[int, int], *, phone: bool = False) -> None:
    """The page's own size (``--window-size`` also counts the window's frame): a screenshot is
    exactly ``size``; ``phone`` also makes the page see a touch screen's viewport."""
    width, height = size
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": phone},
    )


def console_errors(driver: Any) -> list[str]:
    """What the page logged as errors since the last call: a resource that failed to load, a
    script error, anything the Content-Security-Policy refused (an inline style, say)."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
