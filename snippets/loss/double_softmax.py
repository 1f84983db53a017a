import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# Three well-separated classes in 2-D.
centers = torch.tensor([[0.0, 3.0], [-3.0, -2.0], [3.0, -2.0]], device=device)
labels = torch.randint(0, 3, (300,), device=device)
features = centers[labels] + torch.randn(300, 2, device=device)


def train(softmax_first: bool) -> tuple[float, float]:
    model = torch.nn.Linear(2, 3).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(20):
        logits = model(features)
        outputs = torch.softmax(logits, dim=1) if softmax_first else logits  # the mistake: softmax, then cross_entropy
        loss = F.cross_entropy(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    accuracy = (logits.argmax(dim=1) == labels).float().mean().item()
    return loss.item(), accuracy


results = {softmax_first: train(softmax_first) for softmax_first in (False, True)}
for softmax_first, (loss, accuracy) in results.items():
    print(f"softmax before cross_entropy: {softmax_first!s:<5}  loss {loss:.4f}  accuracy {accuracy:.3f}")

# cross_entropy applies log_softmax itself. Fed probabilities in [0, 1], even a perfect answer p = (1, 0, 0)
# becomes softmax(1, 0, 0) = (0.58, 0.21, 0.21), so the loss can never fall below -log(0.58).
floor = F.cross_entropy(torch.tensor([[1.0, 0.0, 0.0]]), torch.tensor([0])).item()
print(f"lowest possible loss after a softmax: {floor:.4f}")
assert results[True][0] > floor > results[False][0]
