import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"

# The first 3x3 convolution of ResNet-18's layer1 sees 64 channels of 56 x 56 for a 224 x 224 image.
x = torch.zeros(1, 64, 56, 56, device=device)
columns = F.unfold(x, kernel_size=3, padding=1)
print(f"input {tuple(x.shape)}: {x.numel():,} values")
print(f"columns {tuple(columns.shape)}: {columns.numel():,} values, {columns.numel() / x.numel():.0f} times the input")
print(f"for a batch of 256 in float32: {256 * columns.numel() * 4 / 2**30:.1f} GiB of columns")
assert columns.numel() == 9 * x.numel()
