"""The tests' builds (tests/build_server.py, a fork per build) behave as `python -m mkdocs build` does."""

import os
import subprocess
import sys

import pytest

from tests.conftest import BUILD_SERVER, build_site, make_scratch_site

pytestmark = pytest.mark.skipif(BUILD_SERVER is None, reason="the build server forks: Linux only")

PAGES = {"ko/index.md": "# 홈\n\n[없는 곳](nowhere.md)\n", "en/index.md": "# Home\n\nText.\n"}
PROBE = "import os\n\n\ndef on_config(config):\n    print('SEEN', os.environ.get('BUILD_SERVER_PROBE'))\n"


def test_a_build_through_the_server_logs_and_fails_as_a_new_interpreter_does(tmp_path, monkeypatch):
    """Same exit status and log, from a cold server and from a warm fork; each build sees the environment the test
    has at that moment, not the one the server started with."""
    root = make_scratch_site(tmp_path, PAGES, ["index.md"])
    (root / "hooks" / "probe.py").write_text(PROBE, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/probe.py\n"))
    served = []
    for value in ("first", "second"):
        monkeypatch.setenv("BUILD_SERVER_PROBE", value)
        served.append(build_site(config, root / f"site-{value}"))
    alone = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", root / "site-alone"],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    log = alone.stdout + alone.stderr
    assert alone.returncode == 1 and "'ko/index.md' contains a link 'nowhere.md'" in log, log
    for build, value in zip(served, ("first", "second")):
        assert build.returncode == alone.returncode, build.log
        expected = log.replace(str(root / "site-alone"), str(build.site)).replace("SEEN second", f"SEEN {value}")
        assert build.log == expected
