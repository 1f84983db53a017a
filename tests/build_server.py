"""`python -m mkdocs build ...` for the tests, each from a fresh fork of one process that imported MkDocs once.

A scratch site's build spends most of its time starting Python and importing MkDocs, Material, mkdocs-jupyter and
the Markdown extensions (2.5 of 3.3 s), and the suite builds about twenty. This server, one per test process
(tests/conftest.py starts it), forks a child for every build. The child runs MkDocs' own command line with the
request's arguments, environment and folder, writes stdout and stderr to files as a separate process would, and
exits with MkDocs' exit status; what the build loads and patches (MkDocs loads the hooks anew for each build) dies
with it. After the first build the server imports the installed packages that build imported, so the next
children start with them.

One JSON request a line on stdin: {"args": [...], "env": {...}, "cwd": "...", "timeout": seconds}; one JSON reply
a line on stdout: {"returncode": int, "stdout": "...", "stderr": "..."}. The server ends when stdin closes.
"""

import atexit
import importlib
import json
import logging
import os
import shutil
import signal
import sys
import sysconfig
import tempfile
import traceback
from pathlib import Path

INSTALLED = tuple({sysconfig.get_path(name) for name in ("stdlib", "platstdlib", "purelib", "platlib")})


def installed_modules() -> list[str]:
    """The modules imported so far that come with Python or an installed package, in the order they came."""
    names = []
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if path and path.startswith(INSTALLED) and not name.startswith("__"):
            names.append(name)
    return names


def preload(names: list[str]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except BaseException:  # noqa: BLE001 (a module that cannot be imported twice or here is left to the child)
            pass


def child(request: dict, stdout: Path, stderr: Path, modules: Path | None) -> None:
    """Run the build; never returns."""
    code = 1
    try:
        for fd, path in ((1, stdout), (2, stderr)):
            os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), fd)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # a lab's kernel must not read the server's requests
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        sys.path[0] = os.getcwd()  # as `python -m` sets it
        signal.alarm(int(request["timeout"]))
        from mkdocs.__main__ import cli

        try:
            cli.main(args=request["args"], prog_name="python -m mkdocs")
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        except BaseException:  # noqa: BLE001 (what the interpreter would print for an uncaught exception)
            traceback.print_exc()
        if modules is not None:
            modules.write_text(json.dumps(installed_modules()), encoding="utf-8")
        atexit._run_exitfuncs()
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def main() -> None:
    requests = sys.stdin
    replies = sys.stdout
    warm = False
    for line in requests:
        request = json.loads(line)
        # Not a TemporaryDirectory: its clean-up runs at exit, and so in the child, before the parent reads it.
        scratch = tempfile.mkdtemp(prefix="build-server-")
        try:
            stdout, stderr, modules = (Path(scratch) / name for name in ("stdout", "stderr", "modules.json"))
            pid = os.fork()
            if pid == 0:
                child(request, stdout, stderr, None if warm else modules)
            _, status = os.waitpid(pid, 0)
            returncode = os.waitstatus_to_exitcode(status)
            reply = {
                "returncode": returncode,
                "stdout": stdout.read_text(encoding="utf-8", errors="replace") if stdout.is_file() else "",
                "stderr": stderr.read_text(encoding="utf-8", errors="replace") if stderr.is_file() else "",
            }
            if returncode == -signal.SIGALRM:
                reply["stderr"] += f"\nbuild_server: timed out after {request['timeout']} s\n"
            names = json.loads(modules.read_text(encoding="utf-8")) if not warm and modules.is_file() else None
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        replies.write(json.dumps(reply) + "\n")
        replies.flush()
        if names is not None:
            preload(names)
            warm = True


if __name__ == "__main__":
    main()
