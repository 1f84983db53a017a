import numpy as np
import torch
import torch.nn.functional as F
from numpy.lib.stride_tricks import sliding_window_view


def im2col(x, kh, kw, stride=1, padding=0):
    x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    n, c, h_out, w_out = windows.shape[:4]
    return windows.transpose(0, 1, 4, 5, 2, 3).reshape(n, c * kh * kw, h_out * w_out)


rng = np.random.default_rng(0)
x = rng.normal(size=(2, 3, 7, 6))
weight, bias = rng.normal(size=(4, 3, 3, 3)), rng.normal(size=4)
stride, padding = 2, 1

# Forward: out = W_matrix @ columns + b. With upstream gradient G = dL/d(out), for each image:
# dL/dW_matrix = G @ columns^T and dL/db = sum of G over positions; then sum over the batch.
columns = im2col(x, 3, 3, stride, padding)  # N x 27 x L
x_t, weight_t, bias_t = (torch.tensor(a, requires_grad=True) for a in (x, weight, bias))
out = F.conv2d(x_t, weight_t, bias_t, stride, padding)
upstream = torch.from_numpy(rng.normal(size=out.shape))
out.backward(upstream)

g = upstream.numpy().reshape(2, 4, -1)  # N x O x L
weight_grad = (g @ columns.transpose(0, 2, 1)).sum(axis=0).reshape(weight.shape)
bias_grad = g.sum(axis=(0, 2))
assert np.allclose(weight_grad, weight_t.grad.numpy(), rtol=0, atol=1e-12)
assert np.allclose(bias_grad, bias_t.grad.numpy(), rtol=0, atol=1e-12)
print(f"weight gradient {weight_grad.shape} and bias gradient {bias_grad.shape}: equal to autograd's within 1e-12")
