import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"


def field_side(kernels):
    """Side of the input square that one middle output pixel sees through stride-1 convolutions."""
    x = torch.zeros(1, 1, 15, 15, device=device, requires_grad=True)
    y = x
    for k in kernels:
        y = F.conv2d(y, torch.ones(1, 1, k, k, device=device))
    y[0, 0, y.shape[-1] // 2, y.shape[-1] // 2].backward()
    rows = torch.nonzero(x.grad[0, 0])[:, 0]
    return (rows.max() - rows.min() + 1).item()


channels = 64
for kernels in [(5,), (3, 3), (7,), (3, 3, 3)]:
    weights = sum(channels * channels * k * k for k in kernels)  # C_out C_in k^2 per layer, biases left out
    side = field_side(kernels)
    print(f"kernels {' + '.join(f'{k}x{k}' for k in kernels):17s}: field {side}x{side}, weights {weights:,}")
    assert side == 1 + sum(k - 1 for k in kernels)
