"""Open an `arnews report` file in headless Chromium: fail on any script or console
error, measure the time until the network is drawn, save a screenshot.

    python scripts/check_report.py report.html --screenshot docs/report.png [--install]

Chromium is Debian's `chromium` package (`--install` runs apt-get for it when missing);
Playwright (the `test` extra) drives it, no browser download needed.
Exit 0: drawn within --max-seconds without errors; 1: an error or too slow; 2: no browser.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")


def _installed() -> str | None:
    return next((p for p in map(shutil.which, CANDIDATES) if p), None)


def find_chromium(install: bool = False) -> str | None:
    found = _installed()
    if found or not install:
        return found
    subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], check=False,
                   env={"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})
    return _installed()


DRAWN = "document.body && document.body.dataset.drawnMs"   # set by report.js when the network is laid out


def check(html: Path, chromium: str, screenshot: Path | None = None, size: tuple[int, int] = (1400, 1000),
          timeout_s: float = 30, wait_for: str = DRAWN, full_page: bool = False) -> dict:
    """Load `html`, wait until the page says the network is drawn; errors and timings."""
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"page: {e}"))
        t0 = time.perf_counter()
        page.goto(html.resolve().as_uri())
        try:
            page.wait_for_function(wait_for, timeout=timeout_s * 1000)
        except Exception as exc:   # playwright's TimeoutError: report it as the failure it is
            errors.append(f"not drawn within {timeout_s} s: {exc.__class__.__name__}")
        wall = time.perf_counter() - t0
        drawn_ms = page.evaluate("Number(document.body.dataset.drawnMs || 0)")
        errors += [f"page: {e}" for e in page.evaluate("window.__errors || []")]
        if screenshot:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=full_page)
        browser.close()
    return {"errors": sorted(set(errors)), "drawn_s": drawn_ms / 1000, "wall_s": round(wall, 3),
            "bytes": html.stat().st_size}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("html", type=Path)
    ap.add_argument("--screenshot", type=Path)
    ap.add_argument("--install", action="store_true", help="apt-get install chromium when it is missing")
    ap.add_argument("--max-seconds", type=float, default=3.0)
    ap.add_argument("--page", action="store_true",
                    help="any HTML page (a meeting card): wait for its load only, screenshot the full page")
    args = ap.parse_args()
    chromium = find_chromium(args.install)
    if not chromium:
        print("no Chromium found (apt-get install chromium, or --install)", file=sys.stderr)
        return 2
    if args.page:
        result = check(args.html, chromium, args.screenshot, size=(1000, 800), wait_for="document.body", full_page=True)
        print(json.dumps(result, ensure_ascii=False))
        return 1 if result["errors"] else 0
    result = check(args.html, chromium, args.screenshot)
    print(json.dumps(result, ensure_ascii=False))
    return 0 if not result["errors"] and 0 < result["drawn_s"] <= args.max_seconds else 1


if __name__ == "__main__":
    sys.exit(main())
