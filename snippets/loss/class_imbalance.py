import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# 1000 samples, only about 5% positive; the positives sit a little to the right.
labels = (torch.rand(1000, device=device) < 0.05).float()
features = torch.randn(1000, 2, device=device) + 1.5 * labels.unsqueeze(1) * torch.tensor([1.0, 0.0], device=device)
num_positive = labels.sum()
pos_weight = (len(labels) - num_positive) / num_positive  # negatives per positive


def train(pos_weight=None) -> torch.nn.Linear:
    """Logistic regression with binary cross-entropy, optionally weighting the positives."""
    model = torch.nn.Linear(2, 1).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    for _ in range(300):
        logits = model(features).squeeze(1)
        loss = F.binary_cross_entropy_with_logits(logits, labels, pos_weight=pos_weight)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model


print(f"positives: {int(num_positive)} of {len(labels)} ({labels.mean().item():.3f}), pos_weight = {pos_weight:.1f}")
results = {}
for name, weight in (("no weight", None), ("pos_weight", pos_weight)):
    model = train(weight)
    with torch.no_grad():
        probs = torch.sigmoid(model(features).squeeze(1))
    predicted = (probs > 0.5).float()
    accuracy = (predicted == labels).float().mean().item()
    recall = (predicted[labels == 1] == 1).float().mean().item()  # share of the positives that are found
    results[name] = recall, probs.mean().item()
    print(f"{name:<10}: accuracy {accuracy:.3f}  recall {recall:.3f}  mean predicted probability {probs.mean():.3f}")
assert results["pos_weight"][0] > results["no weight"][0] + 0.3  # many more positives found...
assert results["pos_weight"][1] > 3 * labels.mean().item()  # ...but the probabilities no longer mean frequencies
