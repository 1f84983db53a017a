"""What optimization/distributed.md claims about data parallelism, beyond each snippet's own asserts.

- The multi-process snippets run the two ways a reader runs them: pasted into an interactive `python` (fork, Linux)
  and saved as a file; and a file switched to spawn, the start method of macOS and Windows, runs too, while spawn
  cannot run a function typed into an interactive session.
- Averaging the gradients by hand with all_reduce gives bit-for-bit the parameters DistributedDataParallel gives.
- The check each snippet makes is not vacuous: summing the gradients without dividing, or leaving out the
  all_reduce, fails it.
- With RUN_TORCHRUN=1: `torchrun --standalone --nproc-per-node=2 ddp_torchrun.py` trains to the loss the page shows
  for one process (three fresh interpreters: about ten seconds of CPU, so not in the default run).

Processes meet through a file in a temporary folder and talk over the loopback interface only.
"""

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets" / "optimization"
FORK_OR_SPAWN = 'start_method = "fork" if sys.platform == "linux" else "spawn"'

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the pasted form needs fork, which is Linux's")


def source(name: str) -> str:
    return (SNIPPETS / name).read_text(encoding="utf-8")


def recorded(name: str) -> str:
    return (SNIPPETS / name).with_suffix(".out").read_text(encoding="utf-8")


def run_python(*arguments: str, stdin: str | None = None, cwd: Path | None = None, threads: str | None = "1"):
    environment = {name: value for name, value in os.environ.items() if name != "OMP_NUM_THREADS"}
    if threads is not None:
        environment["OMP_NUM_THREADS"] = threads
    return subprocess.run(
        [sys.executable, *arguments], input=stdin, capture_output=True, text=True, cwd=cwd, env=environment, timeout=300
    )


def test_pasted_into_an_interactive_interpreter_by_hand_equals_ddp():
    """The three snippets pasted one after the other into one `python -i`, as a reader pastes page blocks."""
    session = "\n".join(
        [
            source("ddp_all_reduce.py"),
            source("ddp_by_hand.py"),
            "by_hand = replicas[0]\n",
            source("ddp_torch.py"),
            'print("by hand == DDP:", torch.equal(by_hand, replicas[0]))\n',
        ]
    )
    result = run_python("-i", "-q", stdin=session)
    assert "Traceback" not in result.stderr, result.stderr
    expected = recorded("ddp_all_reduce.py") + recorded("ddp_by_hand.py") + recorded("ddp_torch.py")
    assert result.stdout == expected + "by hand == DDP: True\n"


def test_runs_as_a_saved_file(tmp_path):
    """As a reader runs it: no OMP_NUM_THREADS, so the parent may use a thread pool before it forks."""
    shutil.copy(SNIPPETS / "ddp_torch.py", tmp_path)
    result = run_python("ddp_torch.py", cwd=tmp_path, threads=None)
    assert result.returncode == 0, result.stderr
    assert result.stdout == recorded("ddp_torch.py")


def test_spawn_runs_the_saved_file(tmp_path):
    """What the page tells macOS and Windows readers to do: save the file; spawn re-imports it under the guard."""
    code = source("ddp_all_reduce.py")
    assert FORK_OR_SPAWN in code
    (tmp_path / "ddp_all_reduce.py").write_text(code.replace(FORK_OR_SPAWN, 'start_method = "spawn"'))
    result = run_python("ddp_all_reduce.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == recorded("ddp_all_reduce.py")


def test_spawn_cannot_run_a_function_typed_into_an_interactive_session():
    session = (
        "import multiprocessing\n\n"
        "def worker(rank):\n"
        "    print(rank)\n\n"
        'process = multiprocessing.get_context("spawn").Process(target=worker, args=(0,))\n'
        "process.start()\n"
        "process.join()\n"
        'print("exit code", process.exitcode)\n'
    )
    result = run_python("-i", "-q", stdin=session)
    assert "Can't get attribute 'worker'" in result.stderr
    assert result.stdout == "exit code 1\n"


@pytest.mark.parametrize("name", ["ddp_all_reduce.py", "ddp_by_hand.py", "ddp_torch.py"])
def test_each_worker_starts_with_one_thread(name):
    """A forked child that inherits the parent's OpenMP thread pool hangs at its first parallel operation (GNU
    libgomp); torch.set_num_threads(1) first thing in the worker avoids that, and torchrun gives each process one
    thread too."""
    worker = source(name).split("def worker(")[1]
    assert worker.splitlines()[1].strip().startswith("torch.set_num_threads(1)")


def run_in_this_process(code: str) -> str:
    """As tests/codeblocks_plugin.py runs a page block: exec'd as __main__, its output captured."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "<ddp snippet>", "exec"), {"__name__": "__main__"})
    return printed.getvalue()


# The two lines of ddp_by_hand.py's averaging, each left out in turn.
DIVIDE = "parameter.grad /= WORLD_SIZE  # ...divided by their number: the mean"
ALL_REDUCE = "dist.all_reduce(parameter.grad)  # the sum of every process's gradient..."


@pytest.mark.parametrize("left_out", [DIVIDE, ALL_REDUCE], ids=["sum-not-mean", "no-all-reduce"])
def test_a_wrong_data_parallel_step_fails_the_check(left_out):
    code = source("ddp_by_hand.py")
    line = " " * 20 + left_out + "\n"
    assert line in code, f"ddp_by_hand.py no longer has the line {left_out!r}"
    with pytest.raises(AssertionError):
        run_in_this_process(code.replace(line, ""))


@pytest.mark.skipif(not os.environ.get("RUN_TORCHRUN"), reason="set RUN_TORCHRUN=1: three fresh interpreters")
def test_torchrun_with_two_processes_trains_as_one(tmp_path):
    shutil.copy(SNIPPETS / "ddp_torchrun.py", tmp_path)
    torchrun = Path(sys.executable).with_name("torchrun")
    environment = {**os.environ, "OMP_NUM_THREADS": "1", "GLOO_SOCKET_IFNAME": "lo", "CUDA_VISIBLE_DEVICES": ""}
    result = subprocess.run(
        [str(torchrun), "--standalone", "--nproc-per-node=2", "ddp_torchrun.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    one_process = recorded("ddp_torchrun.py").splitlines()
    assert one_process[0] == "processes: 1, samples per process per step: 64"
    assert result.stdout.splitlines() == ["processes: 2, samples per process per step: 32", one_process[1]]


def test_a_ddp_model_is_released_before_its_process_group_is_destroyed():
    """A DDP model still alive at destroy_process_group() tears its gloo group down later, when Python frees it, and
    that teardown hung in a loop of runs (the page says so): every snippet deletes the model first."""
    wrapping = sorted(p for p in SNIPPETS.glob("*.py") if "DistributedDataParallel(" in p.read_text(encoding="utf-8"))
    assert wrapping, "no snippet wraps a model in DistributedDataParallel"
    for path in wrapping:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        destroys = [i for i, line in enumerate(lines) if line.startswith("dist.destroy_process_group(")]
        assert destroys, f"{path.name}: no destroy_process_group()"
        for i in destroys:
            assert lines[i - 1].startswith("del model"), f"{path.name}:{i + 1}: `del model` first, on the line above"
