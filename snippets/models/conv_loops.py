import numpy as np
import torch
import torch.nn.functional as F


def conv2d_loops(x, weight, bias, stride=1, padding=0):
    """x: N x C x H x W, weight: O x C x kh x kw, bias: O -> N x O x H_out x W_out."""
    n, c, h, w = x.shape
    o, _, kh, kw = weight.shape
    x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))  # zeros around every image
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    out = np.zeros((n, o, h_out, w_out), dtype=x.dtype)
    for b in range(n):  # each image
        for f in range(o):  # each output channel (one kernel)
            for i in range(h_out):  # each output row
                for j in range(w_out):  # each output column
                    window = x[b, :, i * stride : i * stride + kh, j * stride : j * stride + kw]  # C x kh x kw
                    out[b, f, i, j] = np.sum(window * weight[f]) + bias[f]
    return out


# A 5x5 image, dark on the left and bright on the right, and a kernel that takes left minus right.
image = np.array([[0, 0, 1, 1, 1]] * 5, dtype=np.float64).reshape(1, 1, 5, 5)
kernel = np.array([[1, 0, -1]] * 3, dtype=np.float64).reshape(1, 1, 3, 3)
no_bias = np.zeros(1)
print(f"stride 1, padding 0:\n{conv2d_loops(image, kernel, no_bias)[0, 0]}")
print(f"stride 2, padding 1:\n{conv2d_loops(image, kernel, no_bias, stride=2, padding=1)[0, 0]}")

# The same numbers as PyTorch, in float64, with channels, stride and padding.
rng = np.random.default_rng(0)
x = rng.normal(size=(2, 3, 7, 6))
weight, bias = rng.normal(size=(4, 3, 3, 2)), rng.normal(size=4)
for stride, padding in [(1, 0), (2, 1), (3, 2)]:
    ours = conv2d_loops(x, weight, bias, stride, padding)
    theirs = F.conv2d(torch.from_numpy(x), torch.from_numpy(weight), torch.from_numpy(bias), stride, padding).numpy()
    assert np.allclose(ours, theirs, rtol=0, atol=1e-12)
    print(f"stride {stride}, padding {padding}: shape {ours.shape}, equal to F.conv2d within 1e-12")
