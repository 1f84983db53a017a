import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

inputs = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], device=device)
labels = torch.tensor([0.0, 1.0, 1.0, 0.0], device=device)

# Two linear layers and no activation between them: still a linear function of the input.
model = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Linear(8, 1)).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
for _ in range(2000):
    loss = torch.nn.functional.binary_cross_entropy_with_logits(model(inputs).squeeze(1), labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

accuracy = ((model(inputs).squeeze(1) > 0).float() == labels).float().mean().item()
print(f"two linear layers, no activation: accuracy {accuracy:.2f}")
assert accuracy <= 0.75
