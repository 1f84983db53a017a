import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

x = torch.linspace(-1, 1, 100, device=device).unsqueeze(1)
y = 2 * x + 1 + 0.1 * torch.randn(x.shape, device=device)
model = torch.nn.Linear(1, 1).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=1.1)  # too large for this problem

losses = []  # losses[k]: the loss after k updates
for step in range(20):
    loss = torch.nn.functional.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
losses.append(torch.nn.functional.mse_loss(model(x), y).item())

print(f"loss after 0, 10, 20 updates: {losses[0]:.3g}, {losses[10]:.3g}, {losses[20]:.3g}")
assert losses[-1] > losses[0]  # diverged instead of converging
