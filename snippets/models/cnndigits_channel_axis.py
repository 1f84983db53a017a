import torch
from sklearn.datasets import load_digits
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

cnn = nn.Sequential(
    nn.Conv2d(1, 16, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(16, 32, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(32 * 2 * 2, 64),
    nn.ReLU(),
    nn.Linear(64, 10),
).to(device)
images = torch.tensor(load_digits().images[:32], dtype=torch.float32, device=device)  # 32 x 8 x 8: no channel axis

for name, batch in [("32 images", images), ("1 image", images[:1])]:
    try:
        cnn(batch)
    except RuntimeError as error:
        print(f"{name} {tuple(batch.shape)}: RuntimeError: {error}")

fixed = images.unsqueeze(1)  # N x 1 x 8 x 8
print(f"with the channel axis {tuple(fixed.shape)}: logits {tuple(cnn(fixed).shape)}")
assert cnn(fixed).shape == (32, 10)
