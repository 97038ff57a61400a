"""Turn the three wrk outputs of ``run.sh`` into a table and a JSON file.

Usage (called by run.sh; standard library only):

    python benchmarks/report.py --json benchmarks/results/latest.json \
        --meta meta.json portal=wrk-portal.txt minimal_wsgi=wrk-min.txt nginx=wrk-nginx.txt

Exit status: 0 when the measurements are valid (targets met or not; set
BENCH_STRICT=1 to get 1 when a target is missed), 2 when a run is unusable
(wrk gave no figure, or some answers were not 2xx/3xx).
"""

import argparse
import datetime
import json
import os
import re
import sys

LABELS = {
    "portal": "Portal (Wagtail, gunicorn 2 sync)",
    "minimal_wsgi": "Minimal WSGI (gunicorn 2 sync)",
    "nginx": "nginx static file",
}
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
RPS_SHARE_TARGET = 0.5  # portal >= 50 % of the minimal WSGI app
P99_TARGET_MS = 25.0


def _ms(value: str, unit: str) -> float:
    return float(value) * UNIT_MS[unit]


def parse_wrk(text: str) -> dict:
    """Extract the figures of one ``wrk --latency`` run."""
    figures = {
        "rps": None,
        "p50_ms": None,
        "p75_ms": None,
        "p90_ms": None,
        "p99_ms": None,
        "requests": None,
        "duration_s": None,
        "non_2xx_3xx": 0,
        "socket_errors": {"connect": 0, "read": 0, "write": 0, "timeout": 0},
    }
    if m := re.search(r"Requests/sec:\s+([\d.]+)", text):
        figures["rps"] = float(m.group(1))
    for pct in ("50", "75", "90", "99"):
        if m := re.search(rf"^\s+{pct}(?:\.0+)?%\s+([\d.]+)(us|ms|s|m|h)\s*$", text, re.M):
            figures[f"p{pct}_ms"] = round(_ms(*m.groups()), 3)
    if m := re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m|h)", text):
        figures["requests"] = int(m.group(1))
        figures["duration_s"] = round(_ms(m.group(2), m.group(3)) / 1000, 2)
    if m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text):
        figures["non_2xx_3xx"] = int(m.group(1))
    if m := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text
    ):
        figures["socket_errors"] = dict(
            zip(("connect", "read", "write", "timeout"), map(int, m.groups()), strict=False)
        )
    return figures


def _fmt(value, pattern="{:,.0f}"):
    return "n/a" if value is None else pattern.format(value)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", required=True, help="where to write the results")
    parser.add_argument("--meta", help="JSON file with context figures to copy in")
    parser.add_argument("runs", nargs="+", help="name=wrk-output-file")
    args = parser.parse_args()

    meta = {}
    if args.meta:
        with open(args.meta, encoding="utf-8") as fh:
            meta = json.load(fh)

    results, problems = {}, []
    for run in args.runs:
        name, _, path = run.partition("=")
        with open(path, encoding="utf-8", errors="replace") as fh:
            figures = parse_wrk(fh.read())
        results[name] = figures
        if figures["rps"] is None or figures["p99_ms"] is None:
            problems.append(f"{name}: wrk gave no figure (see {path})")
        elif figures["non_2xx_3xx"]:
            problems.append(f"{name}: {figures['non_2xx_3xx']} answers were not 2xx/3xx")
        errors = sum(figures["socket_errors"].values())
        if errors:
            print(f"warning: {name}: socket errors {figures['socket_errors']}", file=sys.stderr)

    portal = results.get("portal", {})
    minimal = results.get("minimal_wsgi", {})
    nginx = results.get("nginx", {})

    def ratio(a, b):
        if a.get("rps") and b.get("rps"):
            return round(a["rps"] / b["rps"], 4)
        return None

    ratios = {
        "portal_vs_minimal_wsgi": ratio(portal, minimal),
        "portal_vs_nginx": ratio(portal, nginx),
        "minimal_wsgi_vs_nginx": ratio(minimal, nginx),
    }
    share = ratios["portal_vs_minimal_wsgi"]
    checks = {
        "rps_at_least_half_of_minimal_wsgi": None if share is None else share >= RPS_SHARE_TARGET,
        "p99_under_25ms": None
        if portal.get("p99_ms") is None
        else portal["p99_ms"] < P99_TARGET_MS,
    }

    # --- Table -------------------------------------------------------------
    width = max(len(label) for label in LABELS.values())
    line = (
        f"{'Target':<{width}}  {'req/s':>10}  {'p50 (ms)':>9}  {'p99 (ms)':>9}"
        f"  {'requests':>9}  {'errors':>6}"
    )
    print()
    print(line)
    print("-" * len(line))
    for name, figures in results.items():
        errors = figures["non_2xx_3xx"] + sum(figures["socket_errors"].values())
        print(
            f"{LABELS.get(name, name):<{width}}  {_fmt(figures['rps']):>10}  "
            f"{_fmt(figures['p50_ms'], '{:.2f}'):>9}  {_fmt(figures['p99_ms'], '{:.2f}'):>9}  "
            f"{_fmt(figures['requests']):>9}  {errors:>6}"
        )
    print()
    pct = lambda r: "n/a" if r is None else f"{r * 100:.1f} %"  # noqa: E731
    print(f"Portal / minimal WSGI : {pct(ratios['portal_vs_minimal_wsgi'])}")
    print(f"Portal / nginx        : {pct(ratios['portal_vs_nginx'])}")
    print()

    def verdict(ok):
        return "n/a" if ok is None else ("MET" if ok else "NOT MET")

    print(
        f"Target: portal >= 50 % of minimal WSGI req/s : "
        f"{verdict(checks['rps_at_least_half_of_minimal_wsgi'])} ({pct(share)})"
    )
    print(
        f"Target: portal p99 < {P99_TARGET_MS:g} ms              : "
        f"{verdict(checks['p99_under_25ms'])} ({_fmt(portal.get('p99_ms'), '{:.2f} ms')})"
    )

    # --- JSON --------------------------------------------------------------
    document = {
        "measured_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        **meta,
        "results": results,
        "ratios": ratios,
        "targets": {
            "portal_rps_share_of_minimal_wsgi_min": RPS_SHARE_TARGET,
            "portal_p99_ms_max": P99_TARGET_MS,
        },
        "targets_met": checks,
        "valid": not problems,
        "problems": problems,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w", encoding="utf-8") as fh:
        json.dump(document, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    print(f"\nResults written to {args.json}")

    if problems:
        for problem in problems:
            print(f"ERROR: {problem}", file=sys.stderr)
        return 2
    if os.environ.get("BENCH_STRICT") == "1" and not all(checks.values()):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
