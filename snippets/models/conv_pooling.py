import numpy as np
import torch
import torch.nn.functional as F
from numpy.lib.stride_tricks import sliding_window_view


def windows(x, k, stride, padding, fill):
    """N x C x H x W -> N x C x H_out x W_out x k x k, the border filled with `fill`."""
    x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)), constant_values=fill)
    return sliding_window_view(x, (k, k), axis=(2, 3))[:, :, ::stride, ::stride]


def max_pool2d(x, k, stride=None, padding=0):
    return windows(x, k, stride or k, padding, fill=-np.inf).max(axis=(-2, -1))  # padding never wins


def avg_pool2d(x, k, stride=None, padding=0):
    return windows(x, k, stride or k, padding, fill=0.0).mean(axis=(-2, -1))  # padding counts as zeros


feature_map = np.arange(16, dtype=np.float64).reshape(1, 1, 4, 4)
print(f"feature map:\n{feature_map[0, 0]}")
print(f"max pooling 2x2:\n{max_pool2d(feature_map, 2)[0, 0]}")
print(f"average pooling 2x2:\n{avg_pool2d(feature_map, 2)[0, 0]}")

rng = np.random.default_rng(0)
x = rng.normal(size=(2, 3, 9, 8))
for k, stride, padding in [(2, 2, 0), (3, 2, 1), (3, 1, 1)]:  # (3, 2, 1) is ResNet's max pooling
    for ours, theirs in [
        (max_pool2d(x, k, stride, padding), F.max_pool2d(torch.from_numpy(x), k, stride, padding)),
        (avg_pool2d(x, k, stride, padding), F.avg_pool2d(torch.from_numpy(x), k, stride, padding)),
    ]:
        assert ours.shape == theirs.shape and np.allclose(ours, theirs.numpy(), rtol=0, atol=1e-12)
    print(f"kernel {k}, stride {stride}, padding {padding}: output {ours.shape[2:]}, same as PyTorch")
