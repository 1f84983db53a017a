"""Convolution from scratch (docs/*/models/convolution.md) computes what PyTorch computes.

The functions are taken from the very snippets the page shows: only their imports and definitions run, not the
demo that follows (the demos run in the codeblock tests of docs/*/models/convolution.md).
"""

import random
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from tests.snippet_code import snippet_definitions

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets" / "models"


def definitions(name: str) -> dict:
    """The imports, functions and classes of snippets/models/<name>.py, without its demo, on the CPU."""
    return snippet_definitions(SNIPPETS / f"{name}.py", device="cpu")


loops = definitions("conv_loops")["conv2d_loops"]
im2col_snippet = definitions("conv_im2col")
pooling = definitions("conv_pooling")
field = definitions("conv_receptive_field")
timing = definitions("conv_timing")
dilated = definitions("conv_ex_dilation")["conv2d_loops"]


pytestmark = pytest.mark.usefixtures("one_torch_thread")


def random_case(seed: int):
    """A random convolution: batch, channels, a rectangular image and kernel, stride and padding."""
    rng = np.random.default_rng(seed)
    kh, kw = rng.integers(1, 5, size=2)
    stride, padding = int(rng.integers(1, 4)), int(rng.integers(0, 3))
    h, w = kh + rng.integers(0, 7), kw + rng.integers(0, 7)
    x = rng.normal(size=(int(rng.integers(1, 4)), int(rng.integers(1, 4)), h, w))
    weight = rng.normal(size=(int(rng.integers(1, 5)), x.shape[1], kh, kw))
    return x, weight, rng.normal(size=len(weight)), stride, padding


def reference(x, weight, bias, stride, padding, dilation=1):
    as_t = torch.from_numpy
    return F.conv2d(as_t(x), as_t(weight), as_t(bias), stride, padding, dilation).numpy()


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("name", ["loops", "im2col", "timing loops", "timing im2col"])
def test_scratch_convolution_equals_conv2d_in_float64(name, seed):
    conv = {
        "loops": loops,
        "im2col": im2col_snippet["conv2d_im2col"],
        "timing loops": timing["conv2d_loops"],
        "timing im2col": timing["conv2d_im2col"],
    }[name]
    x, weight, bias, stride, padding = random_case(seed)
    expected = reference(x, weight, bias, stride, padding)
    ours = conv(x, weight, bias, stride, padding)
    assert ours.shape == expected.shape
    np.testing.assert_allclose(ours, expected, rtol=0, atol=1e-12)


def test_a_flipped_kernel_fails_the_same_check():
    """True convolution (kernel flipped) is not what deep-learning libraries call convolution: the check sees it."""
    rng = np.random.default_rng(0)
    x, weight, bias = rng.normal(size=(2, 3, 6, 6)), rng.normal(size=(2, 3, 3, 3)), rng.normal(size=2)
    flipped = loops(x, weight[:, :, ::-1, ::-1], bias, 1, 1)
    assert not np.allclose(flipped, reference(x, weight, bias, 1, 1), atol=1e-6)


@pytest.mark.parametrize("seed", range(10))
def test_im2col_columns_are_unfold(seed):
    x, weight, _, stride, padding = random_case(seed)
    kh, kw = weight.shape[2:]
    columns, h_out, w_out = im2col_snippet["im2col"](x, kh, kw, stride, padding)
    unfolded = F.unfold(torch.from_numpy(x), (kh, kw), padding=padding, stride=stride).numpy()
    assert np.array_equal(columns, unfolded) and columns.shape[2] == h_out * w_out


@pytest.mark.parametrize("seed", range(10))
def test_dilated_loops_equal_conv2d(seed):
    x, weight, bias, stride, padding = random_case(seed)
    dilation = 2
    span = dilation * (np.array(weight.shape[2:]) - 1) + 1
    x = np.pad(x, ((0, 0), (0, 0), (0, max(0, span[0] - x.shape[2])), (0, max(0, span[1] - x.shape[3]))))
    expected = reference(x, weight, bias, stride, padding, dilation)
    np.testing.assert_allclose(dilated(x, weight, bias, stride, padding, dilation), expected, rtol=0, atol=1e-12)


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("kind", ["max", "avg"])
def test_pooling_equals_torch(kind, seed):
    rng = random.Random(seed)
    k = rng.randint(1, 4)
    stride, padding = rng.randint(1, 3), rng.randint(0, k // 2)
    x = np.random.default_rng(seed).normal(size=(2, 3, rng.randint(k, 10), rng.randint(k, 10)))
    ours = pooling[f"{kind}_pool2d"](x, k, stride, padding)
    theirs = getattr(F, f"{kind}_pool2d")(torch.from_numpy(x), k, stride, padding).numpy()
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-12)


def test_pooling_with_a_wrong_fill_fails():
    """Padding max pooling with zeros instead of -inf changes the result where a window is all negative."""
    x = -np.ones((1, 1, 4, 4))
    wrong = pooling["windows"](x, 3, 2, 1, fill=0.0).max(axis=(-2, -1))
    assert not np.allclose(wrong, F.max_pool2d(torch.from_numpy(x), 3, 2, 1).numpy())


@pytest.mark.parametrize("seed", range(12))
def test_receptive_field_formula_equals_the_gradient_on_random_stacks(seed):
    """Every kernel at least as wide as its stride, as in real networks: the field has no holes."""
    rng = random.Random(seed)
    layers = []
    for index in range(rng.randint(1, 5)):
        k = rng.randint(1, 5)
        kind = rng.choice(["conv", "pool"])
        layers.append((f"{kind}{index}", k, rng.randint(1, min(k, 3)), rng.randint(0, k // 2)))
    rows = field["receptive_fields"](layers)
    _, _, _, _, jump, size, start = rows[-1]
    input_size = 2 * (size + abs(start) + jump) + 8  # the middle output's window lies inside the image
    side, count, middle, first_row = field["measured_field"](layers, input_size)
    assert (side, count, first_row) == (size, size * size, middle * jump + start), layers


def test_a_stride_wider_than_its_kernel_leaves_holes_in_the_field():
    """The formula gives the field's extent; with stride > kernel some pixels inside it are never read."""
    layers = [("conv1", 1, 2, 0), ("conv2", 3, 1, 1)]
    _, _, _, _, jump, size, start = field["receptive_fields"](layers)[-1]
    side, count, _, _ = field["measured_field"](layers, 32)
    assert side == size == 5 and count == 9 < size * size


def test_receptive_field_of_resnet18_to_layer4():
    """The formula carried on past the page's table: ResNet-18's last convolution sees 435 x 435 pixels."""
    layers = [("conv1", 7, 2, 3), ("maxpool", 3, 2, 1)]
    for stage in range(1, 5):
        for block in range(2):
            stride = 2 if stage > 1 and block == 0 else 1
            layers += [(f"layer{stage}.{block}.conv1", 3, stride, 1), (f"layer{stage}.{block}.conv2", 3, 1, 1)]
    assert field["receptive_fields"](layers)[-1][5] == 435


def test_vectorised_convolution_is_much_faster_than_loops():
    """Ratios, not absolute times: the machine may be busy, but it slows every method alike."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 3, 16, 16)).astype(np.float32)
    weight, bias = rng.normal(size=(8, 3, 3, 3)).astype(np.float32), np.zeros(8, dtype=np.float32)
    best_time = timing["best_time"]
    slow = best_time(lambda: timing["conv2d_loops"](x, weight, bias, padding=1), repeats=2)
    fast = best_time(lambda: timing["conv2d_im2col"](x, weight, bias, padding=1), repeats=10)
    torch_x, torch_w, torch_b = (torch.from_numpy(a) for a in (x, weight, bias))
    library = best_time(lambda: F.conv2d(torch_x, torch_w, torch_b, padding=1), repeats=10)
    assert slow / fast > 20 and slow / library > 20, (slow, fast, library)
