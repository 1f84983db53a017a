"""The end-to-end digits script of the optimization chapter reaches at least 95% test accuracy."""

import runpy
import time
from pathlib import Path

import torch

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets" / "optimization"


def run_script(name):
    threads = torch.get_num_threads()  # the script sets one thread: give the rest of the session its own back
    try:
        started = time.perf_counter()
        result = runpy.run_path(str(SNIPPETS / name))
        return result, time.perf_counter() - started
    finally:
        torch.set_num_threads(threads)


def test_train_digits_reaches_95_percent():
    result, seconds = run_script("train_digits.py")
    assert result["test_accuracy"] >= 0.95, f"test accuracy {result['test_accuracy']:.3f}"
    # The test images were never used for training or for choosing the weights.
    assert len(result["x_train"]) + len(result["x_val"]) + len(result["x_test"]) == 1797
    assert len(result["x_test"]) == 360 and result["best_val"] >= 0.95
    print(f"train_digits.py: test accuracy {result['test_accuracy']:.3f} in {seconds:.1f} s")
