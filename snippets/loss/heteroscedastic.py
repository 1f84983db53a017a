import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def true_std(x: torch.Tensor) -> torch.Tensor:
    """The noise grows away from x = 0: heteroscedastic data."""
    return 0.05 + 0.25 * x.abs()


x = 4 * torch.rand(300, 1, device=device) - 2  # (300, 1) in [-2, 2]
y = torch.sin(2 * x) + true_std(x) * torch.randn_like(x)


class MeanAndVariance(torch.nn.Module):
    """One shared body, two heads: the predicted mean and the predicted variance of y given x."""

    def __init__(self, hidden: int = 32):
        super().__init__()
        self.body = torch.nn.Sequential(
            torch.nn.Linear(1, hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, hidden), torch.nn.Tanh()
        )
        self.mean_head = torch.nn.Linear(hidden, 1)
        self.variance_head = torch.nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        features = self.body(x)
        variance = F.softplus(self.variance_head(features)) + 1e-6  # softplus keeps it positive
        return self.mean_head(features), variance


model = MeanAndVariance().to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
for step in range(400):
    mean, variance = model(x)
    loss = F.gaussian_nll_loss(mean, y, variance)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

with torch.no_grad():
    mean, variance = model(x)
    constant_std = (y - mean).pow(2).mean().sqrt()  # what one variance for all x (plain MSE) would assume
    probe = torch.tensor([[-1.5], [0.0], [1.5]], device=device)
    _, probe_variance = model(probe)
learned_std = probe_variance.sqrt().squeeze(1)
print(f"final Gaussian NLL: {loss.item():.3f}")
print("x      true std  learned std  one std for all")
for x_value, true_value, learned_value in zip(
    probe.squeeze(1).tolist(), true_std(probe).squeeze(1).tolist(), learned_std.tolist()
):
    print(f"{x_value:+.1f}   {true_value:8.3f}  {learned_value:11.3f}  {constant_std.item():15.3f}")
assert torch.allclose(learned_std, true_std(probe).squeeze(1), rtol=0.25, atol=0.03)
