import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

channels = 256  # a block that keeps 256 channels, as in ResNet-50's first stage
basic = nn.Sequential(  # two 3x3 convolutions at full width
    nn.Conv2d(channels, channels, 3, padding=1, bias=False),
    nn.Conv2d(channels, channels, 3, padding=1, bias=False),
)
bottleneck = nn.Sequential(  # 1x1 down to 64, 3x3 at 64, 1x1 back up to 256
    nn.Conv2d(channels, 64, 1, bias=False),
    nn.Conv2d(64, 64, 3, padding=1, bias=False),
    nn.Conv2d(64, channels, 1, bias=False),
)
basic, bottleneck = basic.to(device), bottleneck.to(device)
x = torch.randn(1, channels, 56, 56, device=device)
assert basic(x).shape == bottleneck(x).shape == x.shape

basic_weights = sum(p.numel() for p in basic.parameters())
bottleneck_weights = sum(p.numel() for p in bottleneck.parameters())
print(f"two 3x3 at 256 channels: {basic_weights:,} weights")
print(f"bottleneck 256-64-256:   {bottleneck_weights:,} weights")
print(f"ratio: {basic_weights / bottleneck_weights:.1f}x")
assert basic_weights == 2 * 256 * 256 * 9
assert bottleneck_weights == 256 * 64 + 64 * 64 * 9 + 64 * 256
