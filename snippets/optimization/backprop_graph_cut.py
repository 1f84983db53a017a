import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

first = torch.nn.Linear(4, 8).to(device)
second = torch.nn.Linear(8, 1).to(device)
inputs, targets = torch.randn(16, 4).to(device), torch.randn(16, 1).to(device)
optimizer = torch.optim.SGD([*first.parameters(), *second.parameters()], lr=0.1)
before = first.weight.detach().clone()

for step in range(20):
    hidden = torch.relu(first(inputs))
    hidden = torch.tensor(hidden.tolist(), device=device)  # e.g. a detour through a list or NumPy
    loss = torch.nn.functional.mse_loss(second(hidden), targets)
    optimizer.zero_grad()
    loss.backward()  # no error: the graph simply starts at the new tensor
    optimizer.step()

print(f"loss after 20 steps: {loss.item():.4f}")
print(f"second.weight.grad is None: {second.weight.grad is None}")
print(f"first.weight.grad is None:  {first.weight.grad is None}")
print(f"first layer changed: {not torch.equal(first.weight, before)}")
assert first.weight.grad is None and torch.equal(first.weight, before)
