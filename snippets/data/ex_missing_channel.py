import torch
from sklearn.datasets import load_digits

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

images = torch.from_numpy(load_digits().images[:16]).float().to(device) / 16.0  # N x H x W: no channel axis
conv = torch.nn.Conv2d(in_channels=1, out_channels=4, kernel_size=3).to(device)

try:
    conv(images)  # a 3-D input is read as ONE unbatched image with C = 16 channels
except RuntimeError as error:
    print(f"{tuple(images.shape)} into Conv2d(1, 4, 3): RuntimeError: {error}")
else:
    raise AssertionError("a batch without a channel axis should not pass")

batch = images.unsqueeze(1)  # N x 1 x H x W: the missing axis, inserted at position 1
features = conv(batch)
print(f"{tuple(batch.shape)} into Conv2d(1, 4, 3): output {tuple(features.shape)}")

# Worse: one grayscale image without its batch axis passes silently, as an unbatched image with C = 1.
single = images[:1]  # 1 x 8 x 8, meant as N = 1 with no channel
print(f"{tuple(single.shape)} passes without error: output {tuple(conv(single).shape)}, no batch axis left")
assert features.shape == (16, 4, 6, 6) and conv(single).shape == (4, 6, 6)
