import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
width = 32


class Block(nn.Module):
    """One layer of a deep stack: plain, plain with batch norm, or a residual block."""

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind
        if kind == "plain":
            self.f = nn.Sequential(nn.Linear(width, width), nn.ReLU())
        elif kind == "plain+BN":
            self.f = nn.Sequential(nn.Linear(width, width), nn.BatchNorm1d(width), nn.ReLU())
        else:  # the BasicBlock of ResNet, with linear layers instead of convolutions
            self.f = nn.Sequential(
                nn.Linear(width, width),
                nn.BatchNorm1d(width),
                nn.ReLU(),
                nn.Linear(width, width),
                nn.BatchNorm1d(width),
            )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.kind == "residual":
            return torch.relu(self.f(x) + x)
        return self.f(x)


def gradient_ratio(kind: str, depth: int) -> float:
    """|gradient of the first layer's weight| / |gradient of the last block's first weight|."""
    torch.manual_seed(0)
    model = nn.Sequential(*[Block(kind) for _ in range(depth)], nn.Linear(width, 1))
    model = model.to(device, torch.float64)  # float64: the printed digits do not depend on the hardware
    x = torch.randn(64, width, device=device, dtype=torch.float64)
    model(x).pow(2).mean().backward()
    first, last = model[0].f[0].weight.grad, model[depth - 1].f[0].weight.grad
    return (first.norm() / last.norm()).item()


depths = [4, 16, 64]
print(f"{'depth':<10}" + "".join(f"{depth:>10}" for depth in depths))
ratios = {}
for kind in ["plain", "plain+BN", "residual"]:
    ratios[kind] = [gradient_ratio(kind, depth) for depth in depths]
    print(f"{kind:<10}" + "".join(f"{ratio:>10.2g}" for ratio in ratios[kind]))

assert ratios["plain"][-1] < 1e-6  # vanished before reaching the first layer
assert ratios["plain+BN"][-1] > 1e3  # exploded
assert all(0.1 < ratio < 100 for ratio in ratios["residual"])  # same order at every depth
