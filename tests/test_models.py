"""The models chapter builds what it claims: torchvision's exact architectures, and an LSTM equal to nn.LSTM.

The classes and functions are taken from the very snippets the pages show. Only their definitions are executed
(imports, functions, classes), not the demo that follows, so the checks stay fast; the demos themselves run in
the codeblock tests of docs/*/models/.
"""

import re
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn

from hooks.quotes import render_markdown
from tests.snippet_code import snippet_definitions

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets" / "models"


def definitions(name: str) -> dict:
    """The imports, functions and classes of snippets/models/<name>.py, without its demo."""
    return snippet_definitions(SNIPPETS / f"{name}.py")


alexnet = definitions("alexnet")
googlenet = definitions("googlenet")
resnet = definitions("resnet")
densenet = definitions("densenet")

# The counts torchvision publishes for its ImageNet models (1000 classes).
BUILDERS = {
    "alexnet": (lambda classes=1000: alexnet["AlexNet"](classes), 61_100_840),
    "googlenet": (lambda classes=1000: googlenet["GoogLeNet"](classes), 6_624_904),
    "resnet18": (lambda classes=1000: resnet["resnet18"](classes), 11_689_512),
    "resnet50": (lambda classes=1000: resnet["resnet50"](classes), 25_557_032),
    "densenet121": (lambda classes=1000: densenet["densenet121"](classes), 7_978_856),
}
# Further torchvision configurations built from the same classes: a second witness that each piece is right.
VARIANTS = {
    "resnet34": (lambda: resnet["ResNet"](resnet["BasicBlock"], [3, 4, 6, 3]), 21_797_672),
    "resnet101": (lambda: resnet["ResNet"](resnet["Bottleneck"], [3, 4, 23, 3]), 44_549_160),
    "resnet152": (lambda: resnet["ResNet"](resnet["Bottleneck"], [3, 8, 36, 3]), 60_192_808),
    "densenet161": (lambda: densenet["DenseNet"](48, (6, 12, 36, 24), 96), 28_681_000),
    "densenet169": (lambda: densenet["DenseNet"](32, (6, 12, 32, 32), 64), 14_149_480),
    "densenet201": (lambda: densenet["DenseNet"](32, (6, 12, 48, 32), 64), 20_013_928),
}


pytestmark = pytest.mark.usefixtures("one_torch_thread")


def count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def on_meta(build):
    """Build a model without allocating or initializing its weights: shapes and counts only."""
    with torch.device("meta"):
        return build()


@pytest.mark.parametrize("name", BUILDERS)
def test_parameter_count_matches_torchvision(name):
    build, published = BUILDERS[name]
    assert count(on_meta(build)) == published


@pytest.mark.parametrize("name", VARIANTS)
def test_other_torchvision_configurations_match_too(name):
    build, published = VARIANTS[name]
    assert count(on_meta(build)) == published


@pytest.mark.parametrize("name", BUILDERS)
def test_only_the_classifier_depends_on_the_number_of_classes(name):
    build, _ = BUILDERS[name]
    full, small = on_meta(lambda: build(1000)), on_meta(lambda: build(10))
    last = [m for m in full.modules() if isinstance(m, nn.Linear)][-1]
    assert count(full) - count(small) == (last.in_features + 1) * (1000 - 10)


@cache
def seven_class_model(name: str) -> nn.Module:
    torch.manual_seed(0)
    return BUILDERS[name][0](7)


@pytest.mark.parametrize("name", BUILDERS)
@pytest.mark.parametrize("mode", ["train", "eval"])
def test_forward_shape_on_a_small_batch(name, mode):
    torch.manual_seed(0)
    model = seven_class_model(name).train(mode == "train")
    x = torch.randn(2, 3, 64, 64)  # smaller than ImageNet's 224: every model pools down to its head
    with torch.no_grad():
        logits = model(x)
    assert logits.shape == (2, 7) and logits.dtype == torch.float32
    assert torch.isfinite(logits).all()


def weight_layers(module: nn.Module) -> list[nn.Module]:
    return [m for m in module.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]


def test_depths_in_the_comparison_table():
    # AlexNet: 5 convolutions + 3 fully connected layers.
    assert len(weight_layers(on_meta(BUILDERS["alexnet"][0]))) == 8
    # ResNet: count the main path, not the 1x1 convolutions on the shortcuts.
    for name, depth in [("resnet18", 18), ("resnet50", 50)]:
        model = on_meta(BUILDERS[name][0])
        shortcuts = [
            m for block in model.modules() if hasattr(block, "shortcut") for m in weight_layers(block.shortcut)
        ]
        assert len(weight_layers(model)) - len(shortcuts) == depth
    # DenseNet-121: every convolution is on the path (1 stem + 58 x 2 + 3 transitions) + the classifier.
    assert len(weight_layers(on_meta(BUILDERS["densenet121"][0]))) == 121
    # GoogLeNet: 3 stem convolutions, the deepest branch (2 layers) of each of 9 Inception blocks, the classifier.
    model = on_meta(BUILDERS["googlenet"][0])
    inceptions = [m for m in model.children() if isinstance(m, googlenet["Inception"])]
    deepest = sum(max(len(weight_layers(branch)) for branch in block.children()) for block in inceptions)
    stem = [model.conv1, model.conv2, model.conv3]
    assert len(inceptions) == 9 and len(stem) + deepest + 1 == 22


@pytest.mark.parametrize("block_name", ["BasicBlock", "Bottleneck"])
def test_residual_block_is_the_identity_when_its_branch_is_zero(block_name):
    torch.manual_seed(0)
    block_class = resnet[block_name]
    channels = 64 * block_class.expansion
    block = block_class(channels, 64).eval()
    with torch.no_grad():
        block.residual[-1][1].weight.zero_()  # the last BatchNorm's scale: F(x) = 0
        block.residual[-1][1].bias.zero_()
        x = torch.relu(torch.randn(2, channels, 8, 8))
        assert torch.equal(block(x), x)  # relu(0 + x) = x for x >= 0


def test_strided_residual_blocks_halve_the_map_and_project_the_shortcut():
    block = resnet["Bottleneck"](256, 128, stride=2).eval()
    with torch.no_grad():
        y = block(torch.randn(2, 256, 16, 16))
    assert y.shape == (2, 512, 8, 8)
    assert isinstance(block.shortcut[0], nn.Conv2d) and block.shortcut[0].stride == (2, 2)


def test_dense_block_keeps_its_input_and_adds_growth_rate_channels_per_layer():
    torch.manual_seed(0)
    block = densenet["DenseBlock"](num_layers=3, in_channels=16, growth_rate=8, bn_size=4).eval()
    x = torch.randn(2, 16, 5, 5)
    with torch.no_grad():
        y = block(x)
    assert y.shape == (2, 16 + 3 * 8, 5, 5)
    assert torch.equal(y[:, :16], x)  # feature reuse: the input is passed on unchanged


def test_inception_stacks_its_four_branches():
    torch.manual_seed(0)
    block = googlenet["Inception"](192, 64, 96, 128, 16, 32, 32).eval()
    x = torch.randn(2, 192, 28, 28)
    with torch.no_grad():
        y = block(x)
        first = block.branch1(x)
    assert y.shape == (2, 64 + 128 + 32 + 32, 28, 28)
    assert torch.equal(y[:, :64], first)


def test_googlenet_uses_torchvisions_batch_norm_and_3x3_in_the_5x5_branch():
    model = on_meta(BUILDERS["googlenet"][0])
    norms = [m for m in model.modules() if isinstance(m, nn.BatchNorm2d)]
    assert norms and all(m.eps == 0.001 for m in norms)
    assert all(m.bias is None for m in model.modules() if isinstance(m, nn.Conv2d))
    assert model.inception3a.branch3[1][0].kernel_size == (3, 3)


# ---- LSTM: from the equations, equal to nn.LSTM ----

scratch = definitions("lstm_scratch")
numpy_lstm = definitions("lstm_numpy")
SIZES = [(1, 1, 1, 1), (7, 3, 5, 4), (12, 2, 3, 16), (4, 8, 10, 2)]  # (T, N, input, hidden)


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("sizes", SIZES)
def test_lstm_from_scratch_equals_nn_lstm_outputs_and_gradients(seed, sizes):
    seq_len, batch, input_size, hidden_size = sizes
    torch.manual_seed(seed)
    reference = nn.LSTM(input_size, hidden_size).double()
    ours = scratch["LSTMFromScratch"](input_size, hidden_size).double()
    assert [(n, p.shape) for n, p in ours.named_parameters()] == [
        (n.removesuffix("_l0"), p.shape) for n, p in reference.named_parameters()
    ]
    with torch.no_grad():
        for name, parameter in ours.named_parameters():
            parameter.copy_(getattr(reference, f"{name}_l0"))
    x = torch.randn(seq_len, batch, input_size, dtype=torch.float64, requires_grad=True)
    h0 = torch.randn(batch, hidden_size, dtype=torch.float64)
    c0 = torch.randn(batch, hidden_size, dtype=torch.float64)

    output, (h_n, c_n) = ours(x, (h0, c0))
    ref_output, (ref_h_n, ref_c_n) = reference(x, (h0[None], c0[None]))
    for mine, theirs in [(output, ref_output), (h_n, ref_h_n[0]), (c_n, ref_c_n[0])]:
        torch.testing.assert_close(mine, theirs, rtol=0, atol=1e-12)

    # A loss that weighs every output and the final cell state differently.
    weights = torch.randn_like(output)
    grads = torch.autograd.grad((output * weights).sum() + c_n.sum(), [x, *ours.parameters()])
    ref_grads = torch.autograd.grad((ref_output * weights).sum() + ref_c_n.sum(), [x, *reference.parameters()])
    for mine, theirs in zip(grads, ref_grads):
        torch.testing.assert_close(mine, theirs, rtol=0, atol=1e-11)


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("sizes", SIZES)
def test_numpy_lstm_equals_nn_lstm(seed, sizes):
    seq_len, batch, input_size, hidden_size = sizes
    torch.manual_seed(seed)
    reference = nn.LSTM(input_size, hidden_size).double()
    x = torch.randn(seq_len, batch, input_size, dtype=torch.float64)
    h0 = torch.randn(1, batch, hidden_size, dtype=torch.float64)
    c0 = torch.randn(1, batch, hidden_size, dtype=torch.float64)
    weights = [p.detach().numpy() for p in reference.parameters()]
    output, h_n, c_n = numpy_lstm["lstm_forward"](x.numpy(), h0[0].numpy(), c0[0].numpy(), *weights)
    with torch.no_grad():
        ref_output, (ref_h_n, ref_c_n) = reference(x, (h0, c0))
    np.testing.assert_allclose(output, ref_output.numpy(), rtol=0, atol=1e-12)
    np.testing.assert_allclose(h_n, ref_h_n[0].numpy(), rtol=0, atol=1e-12)
    np.testing.assert_allclose(c_n, ref_c_n[0].numpy(), rtol=0, atol=1e-12)


def test_lstm_from_scratch_fails_when_a_gate_is_swapped():
    """The equality above can fail: swapping the forget and input gate rows breaks it."""
    torch.manual_seed(0)
    reference = nn.LSTM(3, 4).double()
    ours = scratch["LSTMFromScratch"](3, 4).double()
    with torch.no_grad():
        for name, parameter in ours.named_parameters():
            i, f, g, o = getattr(reference, f"{name}_l0").chunk(4)
            parameter.copy_(torch.cat([f, i, g, o]))
    x = torch.randn(5, 2, 3, dtype=torch.float64)
    state = (torch.zeros(2, 4, dtype=torch.float64), torch.zeros(2, 4, dtype=torch.float64))
    with torch.no_grad():
        assert not torch.allclose(ours(x, state)[0], reference(x)[0], atol=1e-6)


# ---- the comparison table on the chapter's first page says what the code counts ----


def table_row(lang: str, model: str) -> str:
    """The row as a reader sees it: quoted figures ({{ name }}) rendered as the build renders them."""
    path = SNIPPETS.parent.parent / "docs" / lang / "models" / "index.md"
    page = render_markdown(path.read_text(encoding="utf-8"), "models/index.md", lang, f"docs/{lang}/models/index.md")
    rows = [line for line in page.splitlines() if line.startswith(f"| [{model}]")]
    assert len(rows) == 1, f"docs/{lang}/models/index.md: no single table row for {model}"
    return rows[0]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_comparison_table_counts_are_the_computed_ones(lang):
    counts = {name: count(on_meta(build)) for name, (build, _) in BUILDERS.items()}
    expected = {
        "AlexNet": [counts["alexnet"]],
        "GoogLeNet": [counts["googlenet"]],
        "ResNet": [counts["resnet18"], counts["resnet50"]],
        "DenseNet": [counts["densenet121"]],
        "LSTM": [count(definitions("lstm_classifier")["SequenceClassifier"]())],
        "딥 오토인코더" if lang == "ko" else "Deep autoencoder": [count(definitions("autoencoder")["Autoencoder"]())],
    }
    for model, numbers in expected.items():
        row = table_row(lang, model)
        assert all(f"{n:,}" in row for n in numbers), f"{model}: the table says {row!r}, the code counts {numbers}"
    # The GAN is built at the top level of gan.py: its recorded output (checked against the code) has the counts.
    printed = (SNIPPETS / "gan.out").read_text(encoding="utf-8")
    generator, discriminator = (
        int(n.replace(",", "")) for n in re.findall(r"(?:generator|discriminator) ([\d,]+)", printed)
    )
    assert f"{generator:,} + {discriminator:,}" in table_row(lang, "GAN")
