import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

label = torch.tensor([0], device=device)


def train_logits(label_smoothing: float, steps: int = 500) -> torch.Tensor:
    """Gradient descent on the logits of one sample themselves: the best any model could do."""
    logits = torch.zeros(1, 3, device=device, requires_grad=True)
    optimizer = torch.optim.SGD([logits], lr=2.0)
    for _ in range(steps):
        loss = F.cross_entropy(logits, label, label_smoothing=label_smoothing)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return logits.detach()


best_probs = {}
for eps in (0.0, 0.1):
    logits = train_logits(eps)
    best_probs[eps] = torch.softmax(logits, dim=1)[0]
    loss = F.cross_entropy(logits, label, label_smoothing=eps).item()
    gap = (logits[0, 0] - logits[0, 1]).item()
    print(
        f"eps {eps}: probs {' '.join(f'{p:.4f}' for p in best_probs[eps].tolist())}  "
        f"logit gap {gap:5.2f}  loss {loss:.4f}"
    )

# With smoothing the optimum is the smoothed target itself, and the loss cannot go below its entropy.
target = torch.tensor([0.9 + 0.1 / 3, 0.1 / 3, 0.1 / 3], device=device)
entropy = -(target * target.log()).sum().item()
print(f"entropy of the smoothed target: {entropy:.4f}")
assert torch.allclose(best_probs[0.1], target, atol=1e-4)
assert best_probs[0.0][0] > 0.999  # without smoothing the logits keep growing towards probability 1
