import numpy as np
import torch
import torch.nn.functional as F
from numpy.lib.stride_tricks import sliding_window_view


def im2col(x, kh, kw, stride=1, padding=0):
    """N x C x H x W -> N x (C kh kw) x (H_out W_out): every window the kernel visits, as one column."""
    x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]  # N x C x H_out x W_out x kh x kw
    n, c, h_out, w_out = windows.shape[:4]
    columns = windows.transpose(0, 1, 4, 5, 2, 3).reshape(n, c * kh * kw, h_out * w_out)
    return columns, h_out, w_out


def conv2d_im2col(x, weight, bias, stride=1, padding=0):
    """The same convolution as the loops: one matrix product per image instead of four loops."""
    o, c, kh, kw = weight.shape
    columns, h_out, w_out = im2col(x, kh, kw, stride, padding)
    out = weight.reshape(o, c * kh * kw) @ columns + bias[:, None]  # (O x Ckk) @ (N x Ckk x L) -> N x O x L
    return out.reshape(len(x), o, h_out, w_out)


rng = np.random.default_rng(0)
x = rng.normal(size=(2, 3, 7, 6))
weight, bias = rng.normal(size=(4, 3, 3, 2)), rng.normal(size=4)
columns, h_out, w_out = im2col(x, 3, 2, stride=2, padding=1)
print(f"input {x.shape} -> columns {columns.shape}: {h_out * w_out} windows of {columns.shape[1]} values (3 x 3 x 2)")
print(f"weights as a matrix {weight.reshape(4, -1).shape}, output {conv2d_im2col(x, weight, bias, 2, 1).shape}")

for stride, padding in [(1, 0), (2, 1), (3, 2)]:
    ours = conv2d_im2col(x, weight, bias, stride, padding)
    theirs = F.conv2d(torch.from_numpy(x), torch.from_numpy(weight), torch.from_numpy(bias), stride, padding).numpy()
    assert np.allclose(ours, theirs, rtol=0, atol=1e-12)
    print(f"stride {stride}, padding {padding}: equal to F.conv2d within 1e-12")
    # PyTorch's own im2col is F.unfold: the very same columns.
    unfolded = F.unfold(torch.from_numpy(x), (3, 2), padding=padding, stride=stride).numpy()
    assert np.array_equal(im2col(x, 3, 2, stride, padding)[0], unfolded)
