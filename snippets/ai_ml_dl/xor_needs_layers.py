import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# XOR: the label is 1 when exactly one input is 1. No straight line separates the classes.
inputs = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], device=device)
labels = torch.tensor([0.0, 1.0, 1.0, 0.0], device=device)


def train(model: torch.nn.Module, steps: int = 500) -> float:
    """Fit the model to XOR and return its accuracy on the four points."""
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    for _ in range(steps):
        logits = model(inputs).squeeze(1)
        loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    predictions = (model(inputs).squeeze(1) > 0).float()
    return (predictions == labels).float().mean().item()


linear = torch.nn.Linear(2, 1).to(device)
deep = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1)).to(device)

linear_accuracy, deep_accuracy = train(linear), train(deep)
print(f"linear model accuracy: {linear_accuracy:.2f}")
print(f"two-layer network accuracy: {deep_accuracy:.2f}")
assert linear_accuracy <= 0.75  # a line gets at most 3 of the 4 points right
assert deep_accuracy == 1.0
