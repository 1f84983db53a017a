import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# LeNet's pattern at the digits' scale: (convolution, ReLU, pooling) twice, then two fully connected layers.
cnn = nn.Sequential(
    nn.Conv2d(1, 16, kernel_size=3, padding=1),  # 1x8x8 -> 16x8x8
    nn.ReLU(),
    nn.MaxPool2d(2),  # -> 16x4x4
    nn.Conv2d(16, 32, kernel_size=3, padding=1),  # -> 32x4x4
    nn.ReLU(),
    nn.MaxPool2d(2),  # -> 32x2x2
    nn.Flatten(),  # -> 128
    nn.Linear(32 * 2 * 2, 64),
    nn.ReLU(),
    nn.Linear(64, 10),  # -> 10 logits
).to(device)
mlp = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 10)).to(device)  # end-to-end page

x = torch.zeros(1, 1, 8, 8, device=device)  # one image: batch, channel, height, width
print(f"{'layer':10s} {'output':>12s} {'parameters':>11s}")
print(f"{'input':10s} {str(tuple(x.shape[1:])):>12s}")
for layer in cnn:
    x = layer(x)
    count = sum(p.numel() for p in layer.parameters())
    print(f"{type(layer).__name__:10s} {str(tuple(x.shape[1:])):>12s} {count:11,}")

cnn_count, mlp_count = (sum(p.numel() for p in model.parameters()) for model in (cnn, mlp))
print(f"CNN {cnn_count:,} parameters, MLP {mlp_count:,}")
assert x.shape == (1, 10) and cnn_count < mlp_count
