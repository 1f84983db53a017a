import math

import torch
import torch.nn.functional as F
from torch.distributions import Bernoulli, Categorical, Laplace, Normal

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

y_hat = torch.randn(100, device=device, dtype=torch.float64)  # predicted means
y = y_hat + torch.randn(100, device=device, dtype=torch.float64)  # targets
logits = torch.randn(100, device=device, dtype=torch.float64)  # binary logits
binary_targets = torch.randint(0, 2, (100,), device=device).double()
class_logits = torch.randn(100, 4, device=device, dtype=torch.float64)
labels = torch.randint(0, 4, (100,), device=device)

# Each loss is the average negative log-likelihood of the targets under a distribution the model predicts.
pairs = {
    ("Normal(y_hat, 1)", "MSE / 2 + log(2 pi) / 2"): (
        -Normal(y_hat, 1.0).log_prob(y).mean(),
        F.mse_loss(y_hat, y) / 2 + 0.5 * math.log(2 * math.pi),
    ),
    ("Laplace(y_hat, 1)", "MAE + log 2"): (-Laplace(y_hat, 1.0).log_prob(y).mean(), F.l1_loss(y_hat, y) + math.log(2)),
    ("Bernoulli(logits)", "binary cross-entropy"): (
        -Bernoulli(logits=logits).log_prob(binary_targets).mean(),
        F.binary_cross_entropy_with_logits(logits, binary_targets),
    ),
    ("Categorical(logits)", "cross-entropy"): (
        -Categorical(logits=class_logits).log_prob(labels).mean(),
        F.cross_entropy(class_logits, labels),
    ),
}
print(f"{'distribution':<20} {'NLL':>9}   {'loss':<24} {'value':>9}")
for (distribution, loss_name), (nll, loss) in pairs.items():
    print(f"{distribution:<20} {nll.item():9.6f}   {loss_name:<24} {loss.item():9.6f}")
    assert torch.isclose(nll, loss, rtol=0, atol=1e-12)
