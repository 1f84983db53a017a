"""Lighthouse scores for the home page and the heaviest chapter in each language, or for every page (a benchmark,
not a test).

    .venv/bin/python bench/lighthouse.py            # builds the site into a temporary folder first
    .venv/bin/python bench/lighthouse.py --site site
    .venv/bin/python bench/lighthouse.py --all      # every page of both languages, then a summary (15-20 minutes)

Needs Node 20+ and Debian's chromium; installs Lighthouse 12 from npm into bench/.lighthouse (git-ignored).
Targets: Performance >= 95 (mobile preset), Accessibility, Best Practices and SEO 100.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serve import serve  # noqa: E402
from tests.browser_support import CHROMIUM_ARGS  # noqa: E402
from tests.test_site_quality import CHAPTERS, _first_load_bytes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = ROOT / "bench" / ".lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = " ".join(CHROMIUM_ARGS)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def ensure_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(LIGHTHOUSE_DIR), "lighthouse@12"],
            check=True,
        )


def build(target: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(target)], cwd=ROOT, check=True, env=env)
    return target


def audit(url: str) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROME},
        )
        data = json.loads(report.read_text())
    return {
        **{name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES},
        "transfer_kb": data["audits"]["total-byte-weight"]["numericValue"] / 1024,
        "lcp_ms": data["audits"]["largest-contentful-paint"]["numericValue"],
        "failed": [
            audit_id
            for name in CATEGORIES
            for ref in data["categories"][name]["auditRefs"]
            if ref["weight"] > 0 and (audit_id := ref["id"]) and data["audits"][audit_id]["score"] not in (None, 1)
        ],
    }


def every_page(site: Path) -> list[str]:
    return sorted(
        "" if path.parent == site else f"{path.parent.relative_to(site).as_posix()}/"
        for path in site.rglob("index.html")
    )


def summary(results: dict[str, dict]) -> None:
    print(f"\n{len(results)} pages: min / median")
    for name in CATEGORIES:
        scores = [result[name] for result in results.values()]
        below = sum(score < (95 if name == "performance" else 100) for score in scores)
        print(f"  {name:15s} {min(scores):3d} / {statistics.median(scores):5.1f}   below target: {below}")
    worst = sorted(results.items(), key=lambda item: (item[1]["performance"], item[1]["accessibility"]))[:5]
    print("worst five by performance: " + ", ".join(f"/{page} {result['performance']}" for page, result in worst))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--all", action="store_true", help="every page of both languages, with a summary")
    args = parser.parse_args()
    ensure_lighthouse()
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site or build(Path(scratch) / "site")
        pages = []
        if args.all:
            pages = every_page(site)
        else:
            for prefix in ("", "en/"):
                heaviest = max(CHAPTERS, key=lambda c: _first_load_bytes(site, site / f"{prefix}{c}" / "index.html"))
                pages += [f"{prefix}", f"{prefix}{heaviest}/"]
        print(f"{'page':40s} {'perf':>5s} {'a11y':>5s} {'best':>5s} {'seo':>5s} {'KB':>7s} {'LCP ms':>7s}", flush=True)
        results = {}
        with serve(site) as base:
            for page in pages:
                result = results[page] = audit(base + page)
                print(
                    f"/{page:39s} {result['performance']:5d} {result['accessibility']:5d} "
                    f"{result['best-practices']:5d} {result['seo']:5d} {result['transfer_kb']:7.0f} "
                    f"{result['lcp_ms']:7.0f}"
                    + (f"   below 100: {', '.join(result['failed'])}" if result["failed"] else ""),
                    flush=True,
                )
        if args.all:
            summary(results)


if __name__ == "__main__":
    main()
