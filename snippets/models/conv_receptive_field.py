import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"


def receptive_fields(layers):
    """layers: (name, kernel, stride, padding) from the input up. Per layer: the receptive field's side r,
    the jump j between neighbouring outputs in input pixels, and where output 0's field starts."""
    r, j, start = 1, 1, 0
    rows = []
    for name, k, s, p in layers:
        r += (k - 1) * j  # k neighbours of the layer below, each j input pixels apart
        start -= p * j  # padding shifts the window left (into the border)
        j *= s
        rows.append((name, k, s, p, j, r, start))
    return rows


def measured_field(layers, size):
    """Backpropagate from the middle output pixel; return the side and count of input pixels with a gradient."""
    x = torch.zeros(1, 1, size, size, dtype=torch.float64, device=device, requires_grad=True)
    y = x
    for name, k, s, p in layers:
        if "pool" in name:  # average, not max: max pooling passes the gradient to one pixel of its window
            y = F.avg_pool2d(y, k, s, p)
        else:  # one channel, all weights 1: no path can cancel another
            y = F.conv2d(y, torch.ones(1, 1, k, k, dtype=torch.float64, device=device), stride=s, padding=p)
    middle = y.shape[-1] // 2
    y[0, 0, middle, middle].backward()
    rows, cols = torch.nonzero(x.grad[0, 0], as_tuple=True)
    side = (rows.max() - rows.min() + 1).item()
    return side, len(rows), middle, rows.min().item()


STACKS = {
    "LeNet for the digits (next page)": (
        [("conv1", 3, 1, 1), ("pool1", 2, 2, 0), ("conv2", 3, 1, 1), ("pool2", 2, 2, 0)],
        32,
    ),
    "AlexNet features": (
        [
            ("conv1", 11, 4, 2),
            ("pool1", 3, 2, 0),
            ("conv2", 5, 1, 2),
            ("pool2", 3, 2, 0),
            ("conv3", 3, 1, 1),
            ("conv4", 3, 1, 1),
            ("conv5", 3, 1, 1),
            ("pool5", 3, 2, 0),
        ],
        400,
    ),
    "ResNet-18, stem to layer2": (
        [("conv1", 7, 2, 3), ("maxpool", 3, 2, 1)]
        + [(f"layer1.{b}.conv{c}", 3, 1, 1) for b in (0, 1) for c in (1, 2)]
        + [
            ("layer2.0.conv1", 3, 2, 1),
            ("layer2.0.conv2", 3, 1, 1),
            ("layer2.1.conv1", 3, 1, 1),
            ("layer2.1.conv2", 3, 1, 1),
        ],
        200,
    ),
}
for title, (layers, size) in STACKS.items():
    print(f"{title} (measured on a {size}x{size} input)")
    print(f"  {'layer':15s} {'k':>3s} {'s':>2s} {'p':>2s} {'jump':>5s} {'field':>6s} {'measured':>9s}")
    for depth, (name, k, s, p, j, r, start) in enumerate(receptive_fields(layers), start=1):
        side, count, middle, first_row = measured_field(layers[:depth], size)
        print(f"  {name:15s} {k:3d} {s:2d} {p:2d} {j:5d} {r:6d} {side:6d}x{side}")
        assert side == r and count == r * r and first_row == middle * j + start  # the same window, pixel for pixel
