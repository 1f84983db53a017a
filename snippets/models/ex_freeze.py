import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

model = nn.Sequential(
    nn.Linear(64, 128),
    nn.ReLU(),
    nn.Linear(128, 128),
    nn.ReLU(),
    nn.Linear(128, 10),  # the "head" we want to retrain
).to(device)
for parameter in model.parameters():
    parameter.requires_grad_(False)
for parameter in model[-1].parameters():
    parameter.requires_grad_(True)

trainable = [p for p in model.parameters() if p.requires_grad]
print(f"trainable: {sum(p.numel() for p in trainable):,} of {sum(p.numel() for p in model.parameters()):,}")

# Give the optimizer only what should change, then take one step.
optimizer = torch.optim.SGD(trainable, lr=0.1)
before = [p.clone() for p in model.parameters()]
x, y = torch.randn(32, 64, device=device), torch.randint(0, 10, (32,), device=device)
nn.functional.cross_entropy(model(x), y).backward()
optimizer.step()

changed = [not torch.equal(b, p) for b, p in zip(before, model.parameters())]
print(f"changed after one step: {changed}")
assert changed == [False, False, False, False, True, True]
assert model[0].weight.grad is None  # frozen parameters get no gradient at all
