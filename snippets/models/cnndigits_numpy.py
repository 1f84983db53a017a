import numpy as np
import torch
from numpy.lib.stride_tricks import sliding_window_view
from torch import nn


def conv2d(x, weight, bias, padding):  # im2col, as on the convolution page (stride 1)
    o, c, kh, kw = weight.shape
    x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = sliding_window_view(x, (kh, kw), axis=(2, 3))  # N x C x H_out x W_out x kh x kw
    n, _, h_out, w_out = windows.shape[:4]
    columns = windows.transpose(0, 1, 4, 5, 2, 3).reshape(n, c * kh * kw, h_out * w_out)
    return (weight.reshape(o, -1) @ columns + bias[:, None]).reshape(n, o, h_out, w_out)


def max_pool2d(x, k):  # k x k windows, stride k
    return sliding_window_view(x, (k, k), axis=(2, 3))[:, :, ::k, ::k].max(axis=(-2, -1))


def relu(x):
    return np.maximum(x, 0.0)


def lenet_numpy(x, p):
    """x: N x 1 x 8 x 8 images; p: the parameters by name. Returns N x 10 logits."""
    steps = [
        ("conv1 + ReLU", lambda h: relu(conv2d(h, p["0.weight"], p["0.bias"], padding=1))),
        ("max pool", lambda h: max_pool2d(h, 2)),
        ("conv2 + ReLU", lambda h: relu(conv2d(h, p["3.weight"], p["3.bias"], padding=1))),
        ("max pool", lambda h: max_pool2d(h, 2)),
        ("flatten", lambda h: h.reshape(len(h), -1)),  # channel by channel, row by row, as nn.Flatten
        ("fc1 + ReLU", lambda h: relu(h @ p["7.weight"].T + p["7.bias"])),
        ("fc2", lambda h: h @ p["9.weight"].T + p["9.bias"]),
    ]
    for name, step in steps:
        x = step(x)
        print(f"{name:13s} {str(x.shape[1:]):>12s}")
    return x


# Parameters of the PyTorch model of the other tab, in float64: both must compute the same logits.
torch.manual_seed(0)
cnn = nn.Sequential(
    nn.Conv2d(1, 16, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(16, 32, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(32 * 2 * 2, 64),
    nn.ReLU(),
    nn.Linear(64, 10),
).double()
params = {name: value.detach().numpy() for name, value in cnn.named_parameters()}
images = np.random.default_rng(0).normal(size=(5, 1, 8, 8))
ours = lenet_numpy(images, params)
theirs = cnn(torch.from_numpy(images)).detach().numpy()
assert np.allclose(ours, theirs, rtol=0, atol=1e-12)
print(f"logits of {len(images)} images: NumPy and PyTorch agree within 1e-12")
