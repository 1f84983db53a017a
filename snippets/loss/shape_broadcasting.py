import warnings

import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

x = torch.randn(64, 1, device=device)  # (64, 1): 64 samples, 1 feature
y = 2 * x.squeeze(1) + 1  # (64,): targets kept as a flat vector


def train(squeeze: bool) -> tuple[torch.Tensor, float]:
    """Fit y = w x + b; with squeeze=False the (64, 1) predictions meet (64,) targets."""
    model = torch.nn.Linear(1, 1).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(200):
        y_hat = model(x)  # (64, 1): a linear layer keeps the feature dimension
        loss = F.mse_loss(y_hat.squeeze(1) if squeeze else y_hat, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model(x).detach().squeeze(1), loss.item()


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    y_hat_wrong, loss_wrong = train(squeeze=False)  # (64, 1) - (64,) broadcasts to (64, 64)
y_hat_right, loss_right = train(squeeze=True)

print(f"targets:                 mean {y.mean():.3f}, std {y.std():.3f}")
print(f"shapes (64, 1) vs (64,): mean {y_hat_wrong.mean():.3f}, std {y_hat_wrong.std():.3f}, loss {loss_wrong:.4f}")
print(f"shapes (64,) vs (64,):   mean {y_hat_right.mean():.3f}, std {y_hat_right.std():.3f}, loss {loss_right:.4f}")
print("PyTorch only warned:", caught[0].category.__name__)
# Each prediction was pulled towards every target, so the model predicts their mean for every x.
assert y_hat_wrong.std() < 1e-3 and abs(y_hat_wrong.mean() - y.mean()) < 1e-3
assert torch.allclose(y_hat_right, y, atol=1e-3)
