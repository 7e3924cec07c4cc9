"""`make bench`, second part: Lighthouse on the built site. A measurement, not a gate.

Lighthouse (npm, pinned in bench/lighthouse/, installed by `make bench` only)
runs with its default mobile preset (simulated slow 4G, a mid-range phone's
CPU) against site/ served with gzip by tools/site_server.py (as a static host) on a free
loopback port, on the home page, one guide, one calculator and the FAQ, zh and en. The
four category scores and the core metrics replace the "Lighthouse" section of
bench/results.md (the rest of that file is tools/bench.py's).

    .venv/bin/python -m tools.lighthouse [site]

Chromium: $CHROME_PATH, else what tools/browser.py finds.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tools import site_server
from tools.browser import find_chromium

ROOT = Path(__file__).resolve().parent.parent

CLI = ROOT / "bench" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
OUT = ROOT / "bench" / "results.md"
PAGES = [
    ("home", ""),
    ("guide", "guides/negotiate/"),
    ("calculator", "calculators/repayment/"),
    ("FAQ", "reference/faq/"),
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = [  # audit id, column, unit
    ("first-contentful-paint", "FCP", "s"),
    ("largest-contentful-paint", "LCP", "s"),
    ("total-blocking-time", "TBT", "ms"),
    ("cumulative-layout-shift", "CLS", ""),
    ("speed-index", "SI", "s"),
]
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"


def run(url: str, chrome: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            ["node", str(CLI), url, "--quiet", "--output=json", f"--output-path={out}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={FLAGS}"],
            check=True, timeout=300, env={**os.environ, "CHROME_PATH": chrome},
        )
        return json.loads(out.read_text(encoding="utf-8"))


def lost(report: dict) -> list[str]:
    """Audits that cost points outside performance: what to fix."""
    found = []
    for cat in CATEGORIES[1:]:
        for ref in report["categories"][cat]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                found.append(f"{cat}: {ref['id']}")
    return found


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if not CLI.is_file():
        print("Lighthouse is not installed: `make bench` installs it (npm ci in bench/lighthouse)")
        return 1
    chrome = os.environ.get("CHROME_PATH") or find_chromium()
    if not chrome:
        print("no Chromium found (set CHROME_PATH)")
        return 1
    httpd = site_server.start(site)
    base = httpd.url
    rows, notes, version = [], [], "?"
    try:
        for lang_prefix in ("", "en/"):
            for name, path in PAGES:
                report = run(base + lang_prefix + path, chrome)
                version = report.get("lighthouseVersion", version)
                scores = [round(report["categories"][c]["score"] * 100) for c in CATEGORIES]
                metrics = []
                for audit, _, unit in METRICS:
                    value = report["audits"][audit]["numericValue"]
                    metrics.append(f"{value / 1000:.1f}" if unit == "s" else
                                   f"{value:.0f}" if unit == "ms" else f"{value:.3f}")
                label = f"{name} ({'en' if lang_prefix else 'zh'}) `/{lang_prefix}{path}`"
                rows.append(f"| {label} | " + " | ".join(map(str, scores + metrics)) + " |")
                notes += [f"{label}: {item}" for item in lost(report)]
                print(rows[-1], flush=True)
    finally:
        httpd.stop()
    section = [
        "## Lighthouse (mobile preset, gzip, local server)",
        "",
        f"Lighthouse {version}, {dt.date.today().isoformat()}, Chromium `{chrome}`; simulated slow 4G "
        "and a 4× slower CPU, so the times are Lighthouse's estimate for a mid-range phone, not this machine's. "
        + ("Site built with SITE_URL (absolute canonical and hreflang checked)." if (site / "sitemap.xml").exists()
           else "Site built without SITE_URL: no canonical or hreflang to check."),
        "",
        "| page | performance | accessibility | best practices | SEO | "
        + " | ".join(f"{col}{' (' + unit + ')' if unit else ''}" for _, col, unit in METRICS) + " |",
        "| --- " * (5 + len(METRICS)) + "|",
        *rows,
        "",
        "Points lost outside performance: " + ("; ".join(notes) if notes else "none") + ".",
        "",
    ]
    text = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
    head, sep, rest = text.partition("## Lighthouse")
    tail = rest[rest.find("\n## "):] if sep and "\n## " in rest else ""
    OUT.write_text(head.rstrip() + ("\n\n" if head.strip() else "") + "\n".join(section) + tail, encoding="utf-8")
    print(f"written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
