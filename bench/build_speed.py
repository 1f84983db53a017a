"""Cold build against warm rebuild of the whole site: what CI pays, and what a writer waits for after a save.

Copies the working tree (with .git, without .venv, site/ and every cache) to a scratch folder, builds it there
with this Python: once cold, as a fresh clone in CI (each of the four labs executed once, its outputs reused
for the other language); then again unchanged (the lab pages read from .cache/mkdocs-jupyter); then after a writer's
two usual edits, a sentence added to a page and a comment added to a snippet (one that no figure runs: a figure
that runs the edited snippet is redrawn, as it must be); then under `mkdocs serve`, the same two edits, from the save
to the server's "Reloading browsers". Prints wall time, CPU time (on a shared machine the wall time
also counts other people's work) and how many notebooks each build executed. Targets on a 2-core machine: cold
<= 60 s, each warm rebuild <= 3 s.

    .venv/bin/python bench/build_speed.py            # or: --keep, to look at the scratch folder afterwards
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serve import mkdocs_serve  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
LEFT_OUT = shutil.ignore_patterns(".venv", "site", ".cache", ".pytest_cache", "__pycache__", ".lighthouse")
TARGETS = {"cold": 60.0, "warm": 3.0, "after a page edit": 3.0, "after a snippet edit": 3.0}
SERVE_EDITS = {
    "after a page edit": ("docs/ko/loss/regression.md", "\n\n또 한 문장을 더합니다.\n"),
    "after a snippet edit": ("snippets/loss/mse_numpy.py", "\n# another edited comment\n"),
}
EDITS = {
    "after a page edit": ("docs/ko/loss/regression.md", "\n\n한 문장을 더합니다.\n"),
    "after a snippet edit": ("snippets/loss/mse_numpy.py", "\n# an edited comment\n"),
}


def build(root: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    log = result.stdout + result.stderr
    return {
        "wall": wall,
        "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "executed": log.count("Lab executed, outputs saved"),  # a kernel ran the lab
        "reused": log.count("Lab outputs reused"),  # the other language's outputs, no kernel
        "cached": log.count("Cache hit"),
        "warnings": sum(line.startswith(("WARNING", "ERROR")) for line in log.splitlines()),
        "returncode": result.returncode,
        "log": log,
    }


def serve_loop(root: Path) -> bool:
    """What a writer waits for under `make serve`: from saving a file to the server's "Reloading browsers". The
    server keeps its imports between rebuilds and skips the offline copy; it rebuilds every page (not --dirty)."""
    with mkdocs_serve(root / "mkdocs.yml", deadline=600) as read_until:

        def reached(text: str) -> bool:
            last = (read_until(text) or [""])[-1]
            if "ERROR" in last:
                print(last.rstrip())
            return text in last

        failed = not reached("Serving on")
        for name, (edited, addition) in SERVE_EDITS.items():
            if failed:
                break
            start = time.perf_counter()
            with open(root / edited, "a", encoding="utf-8") as file:
                file.write(addition)
            failed = not reached("Reloading browsers")
            wall = time.perf_counter() - start  # includes the watcher's wait for more changes (0.1 s)
            verdict = "ok" if wall <= TARGETS["warm"] else f"over the {TARGETS['warm']:.0f} s target"
            print(f"make serve, {name}: {wall:5.1f} s from the save to the reload  [{verdict}]")
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder and print where it is")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="build-speed-"))
    root = scratch / "repo"
    shutil.copytree(REPO, root, ignore=LEFT_OUT, symlinks=True)
    print(f"{os.cpu_count()} CPUs, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    failed = False
    try:
        for name in TARGETS:
            if name in EDITS:
                edited, addition = EDITS[name]
                with open(root / edited, "a", encoding="utf-8") as file:
                    file.write(addition)
            run = build(root)
            verdict = "ok" if run["wall"] <= TARGETS[name] else f"over the {TARGETS[name]:.0f} s target"
            print(
                f"{name}: {run['wall']:5.1f} s wall, {run['cpu']:5.1f} s CPU; labs executed {run['executed']}, "
                f"outputs reused {run['reused']}, pages from cache {run['cached']}; {run['warnings']} warnings, "
                f"exit {run['returncode']}  [{verdict}]"
            )
            if run["returncode"] != 0:
                print(run["log"][-3000:])
                failed = True
                break
        if not failed:
            failed = serve_loop(root)
    finally:
        if args.keep:
            print(f"scratch folder: {root}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
