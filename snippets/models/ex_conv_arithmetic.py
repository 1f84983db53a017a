import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

size, kernel, stride, padding = 224, 11, 4, 2
in_channels, out_channels = 3, 64
out_size = (size + 2 * padding - kernel) // stride + 1  # floor((H + 2p - k) / s) + 1
num_parameters = out_channels * (in_channels * kernel * kernel) + out_channels  # + biases
print(f"by hand: {out_size}x{out_size} output, {num_parameters:,} parameters")

conv = nn.Conv2d(in_channels, out_channels, kernel, stride, padding).to(device)
output = conv(torch.randn(1, in_channels, size, size, device=device))
print(f"torch:   {tuple(output.shape)}, {sum(p.numel() for p in conv.parameters()):,} parameters")
assert output.shape == (1, out_channels, out_size, out_size) == (1, 64, 55, 55)
assert sum(p.numel() for p in conv.parameters()) == num_parameters == 23_296
