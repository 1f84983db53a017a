import time

import numpy as np
import torch
import torch.nn.functional as F
from numpy.lib.stride_tricks import sliding_window_view

torch.set_num_threads(1)  # one core for all three, so the comparison is fair


def conv2d_loops(x, weight, bias, stride=1, padding=0):
    n, c, h, w = x.shape
    o, _, kh, kw = weight.shape
    x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    h_out, w_out = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = np.zeros((n, o, h_out, w_out), dtype=x.dtype)
    for b in range(n):
        for f in range(o):
            for i in range(h_out):
                for j in range(w_out):
                    window = x[b, :, i * stride : i * stride + kh, j * stride : j * stride + kw]
                    out[b, f, i, j] = np.sum(window * weight[f]) + bias[f]
    return out


def conv2d_im2col(x, weight, bias, stride=1, padding=0):
    o, c, kh, kw = weight.shape
    x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    n, _, h_out, w_out = windows.shape[:4]
    columns = windows.transpose(0, 1, 4, 5, 2, 3).reshape(n, c * kh * kw, h_out * w_out)
    return (weight.reshape(o, -1) @ columns + bias[:, None]).reshape(n, o, h_out, w_out)


def best_time(function, repeats):
    """The fastest of a few runs: the least disturbed by whatever else the computer is doing."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


rng = np.random.default_rng(0)
x = rng.normal(size=(2, 3, 16, 16)).astype(np.float32)  # 2 RGB images of 16 x 16
weight, bias = rng.normal(size=(8, 3, 3, 3)).astype(np.float32), np.zeros(8, dtype=np.float32)
x_t, weight_t, bias_t = torch.from_numpy(x), torch.from_numpy(weight), torch.from_numpy(bias)

results = {
    "loops (NumPy)": best_time(lambda: conv2d_loops(x, weight, bias, padding=1), repeats=3),
    "im2col (NumPy)": best_time(lambda: conv2d_im2col(x, weight, bias, padding=1), repeats=20),
    "F.conv2d (PyTorch)": best_time(lambda: F.conv2d(x_t, weight_t, bias_t, padding=1), repeats=20),
}
loops = results["loops (NumPy)"]
print(f"input {x.shape}, kernels {weight.shape}, float32, one CPU thread")
print(f"{'method':20s} {'time (ms)':>10s} {'speed-up':>9s}")
for method, seconds in results.items():
    print(f"{method:20s} {seconds * 1e3:10.3f} {loops / seconds:8.0f}x")

reference = F.conv2d(x_t, weight_t, bias_t, padding=1).numpy()
assert np.allclose(conv2d_loops(x, weight, bias, padding=1), reference, atol=1e-4)
assert np.allclose(conv2d_im2col(x, weight, bias, padding=1), reference, atol=1e-4)
