import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

features = torch.randn(200, 2, device=device)
labels = (features[:, 0] + 0.5 * torch.randn(200, device=device) > 0).long()
model = torch.nn.Linear(2, 2).to(device)


def accuracy() -> float:
    return (model(features).argmax(dim=1) == labels).float().mean().item()


def cross_entropy() -> float:
    return F.cross_entropy(model(features), labels).item()


# Nudge one weight a tiny bit and watch both numbers.
with torch.no_grad():
    before = accuracy(), cross_entropy()
    model.weight[0, 0] += 1e-4
    after = accuracy(), cross_entropy()
print(f"accuracy      : {before[0]:.6f} -> {after[0]:.6f}")
print(f"cross-entropy : {before[1]:.6f} -> {after[1]:.6f}")

# argmax has no gradient: accuracy is flat almost everywhere and jumps at the decision boundary.
predictions = model(features).argmax(dim=1)
print("argmax output requires grad:", predictions.requires_grad)
assert after[0] == before[0] and after[1] != before[1]
assert not predictions.requires_grad
