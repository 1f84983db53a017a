import atexit
import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

# Torch's OpenMP threads spin-wait for work: on a busy 2-core machine (CI building the site, a laptop running
# other jobs) small-tensor snippets then run 10-20x slower. One thread keeps the suite's time steady; export
# OMP_NUM_THREADS to choose otherwise. Set before any test imports torch, and inherited by the build.
os.environ.setdefault("OMP_NUM_THREADS", "1")

pytest_plugins = ["pytester", "tests.browser_support"]

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Build:
    returncode: int
    log: str
    site: Path

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.log.splitlines() if line.startswith(("WARNING", "ERROR"))]


class BuildServer:
    """tests/build_server.py, started on this process's first build: each build a fork of a process that has
    imported MkDocs and the plugins, instead of a new interpreter that imports them again."""

    def __init__(self):
        self.lock = threading.Lock()
        self.process = None
        atexit.register(self.close)

    def run(self, args: list[str], env: dict[str, str], timeout: int) -> tuple[int, str]:
        request = json.dumps({"args": args, "env": env, "cwd": os.getcwd(), "timeout": timeout})
        with self.lock:
            if self.process is None or self.process.poll() is not None:
                self.process = subprocess.Popen(
                    [sys.executable, str(REPO / "tests" / "build_server.py")],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env=env,
                    text=True,
                )
            self.process.stdin.write(request + "\n")
            self.process.stdin.flush()
            reply = self.process.stdout.readline()
        if not reply:
            raise RuntimeError(f"tests/build_server.py ended (exit status {self.process.wait()}) before replying")
        reply = json.loads(reply)
        return reply["returncode"], reply["stdout"] + reply["stderr"]

    def close(self) -> None:
        """At exit, with no build running (run() waits for its reply): the server is stopped, not awaited. Its input
        closed, it would end by itself, but only after the imports it may still be preloading (2.4 s when the
        session ends soon after its first build) and its interpreter's clean-up; it holds nothing to save."""
        if self.process is not None and self.process.poll() is None:
            self.process.stdin.close()
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process.stdout.close()


BUILD_SERVER = BuildServer() if sys.platform == "linux" else None  # fork: Linux's, safe here (one thread)


def build_site(config: Path, site: Path, *extra: str) -> Build:
    """Run `mkdocs build --strict` as a reader or CI would, and keep its log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    args = ["build", "--strict", "-f", str(config), "-d", str(site), *extra]
    if BUILD_SERVER is not None:
        return Build(*BUILD_SERVER.run(args, env, timeout=600), site)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], capture_output=True, text=True, env=env, timeout=600
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


# The caches a scratch site shares with the project's (.cache/), unless told not to: Jinja's compiled templates
# (checked against their source when read) and Kiwi's analyses of Korean words (keyed by Kiwi's version). Both
# are written whole and then renamed, so builds running side by side never read half a file; both change how
# fast a build is, never what it writes (tests/test_render_cache.py and tests/test_labs.py build and convert cold
# and warm, tests/test_search_korean.py analyses). Cold, they cost a scratch build with Korean text about 2.5 of
# its 3.3 s of CPU: Kiwi's start and analyses, the compiling.
SHARED_CACHES = ("jinja", "search_kiwi.json")


def make_scratch_site(root: Path, pages: dict[str, str], nav: list[str], *, shared_caches: bool = True) -> Path:
    """A minimal copy of the project: the real mkdocs.yml (with its own nav), hooks and theme overrides, and the
    given pages (paths under docs/)."""
    if shared_caches:
        (REPO / ".cache" / "jinja").mkdir(parents=True, exist_ok=True)  # a folder; the Kiwi file comes when written
        (root / ".cache").mkdir(parents=True, exist_ok=True)
        for name in SHARED_CACHES:
            (root / ".cache" / name).symlink_to(REPO / ".cache" / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:")] + "\nnav:\n" + "".join(f"  - {page}\n" for page in nav)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "overrides", root / "overrides")
    (root / "snippets").mkdir(exist_ok=True)  # mkdocs.yml watches it, so it must exist
    for name, text in pages.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    return root


SITE_FIXTURES = {"built_site", "site", "served_site"}


def pytest_configure(config):
    config.addinivalue_line("markers", "search: a browser test that searches: its `page` gets the real search index")
    if hasattr(config, "workerinput") and hasattr(os, "nice"):
        # The site's build (the controller's, below) is the run's critical path: in a fresh clone it executes the
        # labs, a minute of one core, and every test that needs the site waits for it. The workers yield the CPU to
        # it; before, both sat idle for 54 s at the end of a run while the build finished on its share.
        os.nice(5)


def _build_once(shared: Path) -> None:
    """Build the site into `shared` unless a process of this run already did. The caller holds the lock."""
    record = shared / "built_site.json"
    if not record.is_file():
        build = build_site(REPO / "mkdocs.yml", shared / "site")
        record.write_text(json.dumps({"returncode": build.returncode, "log": build.log}), encoding="utf-8")


def _shared_build(shared: Path) -> Build:
    """The site of this run, built by whichever process came first; every process reads the one result."""
    with FileLock(str(shared / "built_site.lock")):
        _build_once(shared)
    done = json.loads((shared / "built_site.json").read_text(encoding="utf-8"))
    return Build(done["returncode"], done["log"], shared / "site")


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    """On a whole run across processes (pytest-xdist), the controller starts building the site at once, in the
    background, while the workers run the code blocks; the tests that need the site run last (below)."""
    config = session.config
    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None):
        return
    if config.option.file_or_dir:
        return  # some tests only: the site is built if and when one of them needs it
    shared = config._tmp_path_factory.getbasetemp()
    locked = threading.Event()

    def build():
        with FileLock(str(shared / "built_site.lock")):
            locked.set()
            _build_once(shared)

    threading.Thread(target=build, daemon=True).start()
    locked.wait(timeout=60)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """Tests that need the built site go last, so that the build overlaps everything else. The tests of a module
    that share a module-scoped fixture (a scratch site, a trained model, pages open in the browser) run on one
    worker, which sets the fixture up once; spread over two, each worker set it up again."""
    items.sort(key=lambda item: bool(SITE_FIXTURES & set(getattr(item, "fixturenames", ()))))
    for item in items:
        if item.get_closest_marker("xdist_group") is None and _uses_a_module_fixture(item):
            item.add_marker(pytest.mark.xdist_group(f"module:{item.module.__name__}"))


def _uses_a_module_fixture(item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(defs[-1].scope == "module" for name, defs in info.name2fixturedefs.items() if defs)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id) -> Build:
    """The whole site, built once per test run. Under pytest-xdist the build is shared: started by the controller
    on a whole run, else by the first worker that needs it; a worker that needs it meanwhile waits on the lock."""
    if worker_id == "master":
        return build_site(REPO / "mkdocs.yml", tmp_path_factory.mktemp("site") / "site")
    return _shared_build(tmp_path_factory.getbasetemp().parent)  # the same folder for every worker of this run


@pytest.fixture(scope="session")
def site(built_site) -> Path:
    assert built_site.returncode == 0, built_site.log
    return built_site.site


@pytest.fixture
def one_torch_thread():
    """Tiny tensors: thread hand-offs cost more than the work, badly so on a busy 2-core machine. For the test
    modules that check many small models (`pytestmark = pytest.mark.usefixtures("one_torch_thread")`)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)
