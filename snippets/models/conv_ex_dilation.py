import numpy as np
import torch
import torch.nn.functional as F


def conv2d_loops(x, weight, bias, stride=1, padding=0, dilation=1):
    n, c, h, w = x.shape
    o, _, kh, kw = weight.shape
    span_h, span_w = dilation * (kh - 1) + 1, dilation * (kw - 1) + 1  # the kernel's reach, gaps included
    x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    h_out, w_out = (h + 2 * padding - span_h) // stride + 1, (w + 2 * padding - span_w) // stride + 1
    out = np.zeros((n, o, h_out, w_out), dtype=x.dtype)
    for b in range(n):
        for f in range(o):
            for i in range(h_out):
                for j in range(w_out):
                    # every dilation-th pixel of a span_h x span_w window
                    window = x[
                        b, :, i * stride : i * stride + span_h : dilation, j * stride : j * stride + span_w : dilation
                    ]
                    out[b, f, i, j] = np.sum(window * weight[f]) + bias[f]
    return out


rng = np.random.default_rng(0)
x = rng.normal(size=(2, 3, 9, 8))
weight, bias = rng.normal(size=(4, 3, 3, 3)), rng.normal(size=4)
for stride, padding, dilation in [(1, 0, 2), (1, 2, 2), (2, 1, 3)]:
    ours = conv2d_loops(x, weight, bias, stride, padding, dilation)
    theirs = F.conv2d(torch.from_numpy(x), torch.from_numpy(weight), torch.from_numpy(bias), stride, padding, dilation)
    assert np.allclose(ours, theirs.numpy(), rtol=0, atol=1e-12)
    print(f"stride {stride}, padding {padding}, dilation {dilation}: output {ours.shape[2:]}, same as PyTorch")

# Which input pixels does one output of a 3x3 kernel with dilation 2 read? Mark them by their gradient.
image = torch.zeros(1, 1, 7, 7, dtype=torch.float64, requires_grad=True)
F.conv2d(image, torch.ones(1, 1, 3, 3, dtype=torch.float64), dilation=2)[0, 0, 1, 1].backward()
print(f"pixels read by one output:\n{image.grad[0, 0].numpy().astype(int)}")
