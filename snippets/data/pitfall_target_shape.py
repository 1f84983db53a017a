import warnings

import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

targets = torch.randn(5).to(device)  # N: how targets often come out of a data frame
predictions = targets.clone().view(5, 1)  # N x 1: what Linear(D, 1) returns; here a perfect prediction

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    wrong_loss = F.mse_loss(predictions, targets)  # broadcasts N x 1 against N to N x N
print(f"predictions {tuple(predictions.shape)} vs targets {tuple(targets.shape)}: MSE = {wrong_loss.item():.4f}")
print(f"UserWarning: {caught[0].message}")

fixed_loss = F.mse_loss(predictions, targets.view(-1, 1))  # the fix: give the target the same N x 1 shape
print(
    f"predictions {tuple(predictions.shape)} vs targets {tuple(targets.view(-1, 1).shape)}: MSE = {fixed_loss.item():.4f}"
)

assert len(caught) == 1 and "target size" in str(caught[0].message)
assert wrong_loss.item() > 0.5  # a perfect model gets a large loss
assert fixed_loss.item() == 0.0
assert torch.allclose(wrong_loss, ((predictions - targets.view(1, -1)) ** 2).mean())  # every pair compared
