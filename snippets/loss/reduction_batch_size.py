import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

model = torch.nn.Linear(3, 1).to(device)
true_weight = torch.tensor([[1.0], [-2.0], [0.5]], device=device)


def gradient_norms(batch_size: int) -> tuple[float, float]:
    """Size of the weight gradient for one mini-batch, with reduction='sum' and with reduction='mean'."""
    x = torch.randn(batch_size, 3, device=device)
    y = x @ true_weight
    norms = []
    for reduction in ("sum", "mean"):
        model.zero_grad()
        F.mse_loss(model(x), y, reduction=reduction).backward()
        norms.append(model.weight.grad.norm().item())
    return norms[0], norms[1]


norms = {}
for batch_size in (8, 64, 512):
    norms[batch_size] = gradient_norms(batch_size)
    print(f"batch {batch_size:>3}: |grad| with sum {norms[batch_size][0]:8.2f}   with mean {norms[batch_size][1]:.2f}")

# With 'sum' the gradient grows with the batch, so one learning rate takes far longer steps on a large batch;
# with 'mean' the step size hardly depends on the batch size.
sum_growth = norms[512][0] / norms[8][0]
mean_growth = norms[512][1] / norms[8][1]
print(f"batch 8 -> 512: |grad| with sum {sum_growth:.0f}x, with mean {mean_growth:.1f}x")
assert sum_growth > 20
assert 0.5 < mean_growth < 2
