"""The contributor's loop: what a newcomer meets first works as the README and CONTRIBUTING say."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from bench.serve import mkdocs_serve
from tests.conftest import make_scratch_site
from tests.site_html import SITE_URL

REPO = Path(__file__).resolve().parent.parent
LOCAL_ADDRESS = re.compile(r"http://127\.0\.0\.1:(?:\d+|\$\(PORT\))[^\s`),]*")


def test_every_served_address_the_docs_give_is_where_mkdocs_serves():
    """`mkdocs serve` serves under the path of site_url; http://127.0.0.1:8000/loss/regression/ is a 404."""
    path = urlsplit(SITE_URL).path
    wrong = []
    for name in ("README.md", "CONTRIBUTING.md", "CONTRIBUTING.ko.md", "Makefile"):
        for address in LOCAL_ADDRESS.findall((REPO / name).read_text(encoding="utf-8")):
            if not urlsplit(address.replace("$(PORT)", "8000")).path.startswith(path):
                wrong.append(f"{name}: {address} (mkdocs serve serves under {path})")
    assert not wrong, "\n".join(wrong)


def test_a_busy_port_fails_at_once_in_one_line():
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(REPO / "mkdocs.yml")],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        elapsed = time.monotonic() - started
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"127.0.0.1:{port} is already in use" in log and f"PORT={port + 1}" in log, log
    assert "Traceback" not in log and "Documentation built" not in log, log
    assert elapsed < 30, f"took {elapsed:.0f} s: the port must be checked before the build"


def test_serve_rebuilds_after_an_edit(tmp_path):
    """The busy-port check must not take the server's own port for another's when a saved edit triggers a rebuild."""
    pages = {f"{lang}/index.md": "# Home\n\nText.\n" for lang in ("ko", "en")}
    root = make_scratch_site(tmp_path, pages, ["index.md"])
    with mkdocs_serve(root / "mkdocs.yml", deadline=90) as read_until:  # a silent server ends the reading
        log = read_until("Serving on")
        (root / "docs" / "ko" / "index.md").write_text("# Home\n\nText, edited.\n", encoding="utf-8")
        log += read_until("Reloading browsers")
    assert not [line for line in log if "ERROR" in line], "".join(log)
    assert any("Reloading browsers" in line for line in log), "".join(log)


def test_gitignore_ignores_a_venv_that_is_a_symlink(tmp_path):
    """`.venv/` matches only a directory; a contributor's .venv is often a link to an environment elsewhere."""
    if shutil.which("git") is None:
        return
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shutil.copy(REPO / ".gitignore", tmp_path / ".gitignore")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / ".venv").symlink_to(tmp_path / "elsewhere")
    ignored = subprocess.run(["git", "check-ignore", "-q", ".venv"], cwd=tmp_path)
    assert ignored.returncode == 0, ".gitignore does not ignore a .venv symlink"
