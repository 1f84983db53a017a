import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# The same imbalanced data as in the warning above: about 5% positives.
labels = (torch.rand(1000, device=device) < 0.05).float()
features = torch.randn(1000, 2, device=device) + 1.5 * labels.unsqueeze(1) * torch.tensor([1.0, 0.0], device=device)

model = torch.nn.Linear(2, 1).to(device)  # trained without any weight
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
for _ in range(300):
    loss = F.binary_cross_entropy_with_logits(model(features).squeeze(1), labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

with torch.no_grad():
    probs = torch.sigmoid(model(features).squeeze(1))
print(f"mean predicted probability {probs.mean():.3f} (share of positives {labels.mean():.3f})")
for threshold in (0.5, 0.2, 0.1):
    predicted = (probs > threshold).float()
    recall = predicted[labels == 1].mean().item()
    accuracy = (predicted == labels).float().mean().item()
    print(f"threshold {threshold:.1f}: recall {recall:.3f}  accuracy {accuracy:.3f}")
# A lower threshold finds more positives while the probabilities keep their meaning.
assert (probs > 0.1).float()[labels == 1].mean() > 0.6 and abs(probs.mean() - labels.mean()) < 0.01
