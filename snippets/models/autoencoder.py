import torch
from sklearn.datasets import load_digits
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# 1,797 handwritten digits, 8x8 pixels with values 0-16, bundled with scikit-learn.
digits = torch.tensor(load_digits().data, dtype=torch.float32) / 16.0  # (1797, 64)
order = torch.randperm(len(digits))
x_train = digits[order[:1500]].to(device)  # (1500, 64)
x_test = digits[order[1500:]].to(device)  # (297, 64), never trained on


class Autoencoder(nn.Module):
    def __init__(self, num_pixels: int = 64, code_size: int = 8):
        super().__init__()
        # The encoder squeezes 64 pixels into 8 numbers; the decoder must rebuild the image.
        self.encoder = nn.Sequential(
            nn.Linear(num_pixels, 128),
            nn.ReLU(),
            nn.Linear(128, 32),
            nn.ReLU(),
            nn.Linear(32, code_size),
        )
        self.decoder = nn.Sequential(
            nn.Linear(code_size, 32),
            nn.ReLU(),
            nn.Linear(32, 128),
            nn.ReLU(),
            nn.Linear(128, num_pixels),
            nn.Sigmoid(),  # pixels in [0, 1]
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.decoder(self.encoder(x))


model = Autoencoder().to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
codes = model.encoder(x_test)
print(f"image {tuple(x_test.shape)} -> code {tuple(codes.shape)} -> image {tuple(model(x_test).shape)}")
print(f"parameters: {sum(p.numel() for p in model.parameters()):,}")
assert codes.shape == (len(x_test), 8) and model(x_test).shape == x_test.shape


def test_error() -> float:
    with torch.no_grad():
        return nn.functional.mse_loss(model(x_test), x_test).item()


# Baseline: always answer with the average training image.
mean_image_error = nn.functional.mse_loss(x_train.mean(0).expand_as(x_test), x_test).item()
print(f"test MSE of the mean image: {mean_image_error:.4f}")
print(f"test MSE before training:   {test_error():.4f}")
for epoch in range(1, 41):
    for batch in x_train[torch.randperm(len(x_train), device=device)].split(100):
        loss = nn.functional.mse_loss(model(batch), batch)  # the target is the input itself
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    if epoch % 10 == 0:
        print(f"epoch {epoch}: test MSE {test_error():.4f}")
assert test_error() < 0.5 * mean_image_error
