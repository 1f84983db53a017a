"""The CNN of docs/*/models/cnn-digits.md: what the page says about it holds when the snippet runs again.

cnndigits_train.py prints its training times, which no two runs share, so the page shows its recorded output
without comparing it (the codeblock test only runs it). Here the snippet runs once more and everything it
prints except the times must be what the page shows; and the trained network, run again by the NumPy code of
the page, gives the same logits.
"""

import contextlib
import copy
import io
import re
import runpy
from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn

from tests.snippet_code import snippet_definitions

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets" / "models"
# One worker for the whole module under pytest-xdist: the snippet trains once, not once per worker.
pytestmark = pytest.mark.xdist_group("cnn_digits")
TIME = re.compile(r"\d+\.\d+s$")


def definitions(name: str) -> dict:
    """The imports, functions and classes of snippets/models/<name>.py, without its demo."""
    return snippet_definitions(SNIPPETS / f"{name}.py")


def quietly(function, *args):
    with contextlib.redirect_stdout(io.StringIO()):
        return function(*args)


@pytest.fixture(scope="module")
def run():
    """cnndigits_train.py run once for this module: its globals and what it printed."""
    threads = torch.get_num_threads()  # the snippet sets one thread: give the rest of the session its own back
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            result = runpy.run_path(str(SNIPPETS / "cnndigits_train.py"))
    finally:
        torch.set_num_threads(threads)
    return result, printed.getvalue()


def test_the_recorded_output_is_what_the_snippet_prints_but_the_times(run):
    _, printed = run
    recorded = (SNIPPETS / "cnndigits_train.out").read_text(encoding="utf-8")
    mask = [TIME.sub("<time>", line.rstrip()) for line in recorded.splitlines()]
    assert [TIME.sub("<time>", line.rstrip()) for line in printed.splitlines()] == mask, (
        "rerun the snippet and record its output: .venv/bin/python snippets/models/cnndigits_train.py "
        f"> snippets/models/cnndigits_train.out\n--- recorded\n{recorded}--- printed now\n{printed}"
    )


def test_the_cnn_reaches_98_percent_with_fewer_parameters_than_the_mlp(run):
    result, _ = run
    assert result["results"]["CNN"] >= 0.98
    count = {name: sum(p.numel() for p in model.parameters()) for name, model in result["models"].items()}
    assert count["CNN"] < count["MLP"]


def test_splits_follow_the_data_chapter(run):
    result, _ = run
    train, valid, test = (set(result[name].tolist()) for name in ("train", "valid", "test"))
    assert (len(train), len(valid), len(test)) == (1077, 360, 360)
    assert not (train & valid or train & test or valid & test)


def test_the_numpy_forward_pass_of_the_trained_cnn_gives_the_same_logits(run):
    result, _ = run
    cnn = result["models"]["CNN"]
    x_test = result["cnn_data"][2][0].cpu()
    reference = copy.deepcopy(cnn).cpu().double().eval()  # a float64 copy of the trained weights
    params = {name: value.detach().numpy() for name, value in reference.named_parameters()}
    with torch.no_grad():
        expected = reference(x_test.double()).numpy()
    ours = quietly(definitions("cnndigits_numpy")["lenet_numpy"], x_test.double().numpy(), params)
    np.testing.assert_allclose(ours, expected, rtol=0, atol=1e-10)
    assert (ours.argmax(axis=1) == result["predictions"].cpu().numpy()).all()


def lenet(seed: int) -> nn.Sequential:
    """The page's CNN (cnndigits_train.make_cnn) with seeded weights, in float64."""
    torch.manual_seed(seed)
    return definitions("cnndigits_train")["make_cnn"]().double()


@pytest.mark.parametrize("seed", range(5))
def test_numpy_lenet_equals_pytorch_for_any_weights(seed):
    model = lenet(seed)
    params = {name: value.detach().numpy() for name, value in model.named_parameters()}
    images = np.random.default_rng(seed).normal(size=(7, 1, 8, 8))
    ours = quietly(definitions("cnndigits_numpy")["lenet_numpy"], images, params)
    with torch.no_grad():
        np.testing.assert_allclose(ours, model(torch.from_numpy(images)).numpy(), rtol=0, atol=1e-12)


def test_flattening_in_the_wrong_order_fails_the_same_check():
    """nn.Flatten reads channel by channel; a channels-last flatten feeds fc1 the right numbers in the wrong places."""
    snippet = definitions("cnndigits_numpy")
    model = lenet(0)
    p = {name: value.detach().numpy() for name, value in model.named_parameters()}
    images = np.random.default_rng(0).normal(size=(7, 1, 8, 8))
    h = snippet["max_pool2d"](snippet["relu"](snippet["conv2d"](images, p["0.weight"], p["0.bias"], 1)), 2)
    h = snippet["max_pool2d"](snippet["relu"](snippet["conv2d"](h, p["3.weight"], p["3.bias"], 1)), 2)
    h = h.transpose(0, 2, 3, 1).reshape(len(h), -1)  # channels last: wrong for nn.Flatten's weights
    logits = snippet["relu"](h @ p["7.weight"].T + p["7.bias"]) @ p["9.weight"].T + p["9.bias"]
    with torch.no_grad():
        assert not np.allclose(logits, model(torch.from_numpy(images)).numpy(), atol=1e-6)
