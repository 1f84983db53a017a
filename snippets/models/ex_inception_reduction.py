import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# inception3a's "5x5" branch of the paper: 192 channels in, 32 out, on a 28x28 map.
direct = nn.Conv2d(192, 32, kernel_size=5, padding=2, bias=False)
reduced = nn.Sequential(
    nn.Conv2d(192, 16, kernel_size=1, bias=False),  # 1x1 "reduction" to 16 channels
    nn.Conv2d(16, 32, kernel_size=5, padding=2, bias=False),
)
direct, reduced = direct.to(device), reduced.to(device)
x = torch.randn(1, 192, 28, 28, device=device)
assert direct(x).shape == reduced(x).shape == (1, 32, 28, 28)

for name, branch in [("direct 5x5", direct), ("1x1 then 5x5", reduced)]:
    weights = sum(p.numel() for p in branch.parameters())
    # Each weight is used once per output pixel: multiply-adds = weights * 28 * 28.
    print(f"{name:<13} {weights:>8,} weights, {weights * 28 * 28 / 1e6:6.1f} M multiply-adds")
saving = sum(p.numel() for p in direct.parameters()) / sum(p.numel() for p in reduced.parameters())
print(f"the 1x1 reduction needs {saving:.1f}x fewer")
assert saving > 9
