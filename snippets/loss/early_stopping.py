import copy

import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def make_blobs(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The same two overlapping classes as on the page."""
    labels = torch.randint(0, 2, (n,), device=device)
    centers = torch.tensor([[-1.0, 0.0], [1.0, 0.0]], device=device)
    return centers[labels] + torch.randn(n, 2, device=device), labels


x_train, y_train = make_blobs(60)
x_val, y_val = make_blobs(500)
model = torch.nn.Sequential(
    torch.nn.Linear(2, 32), torch.nn.ReLU(), torch.nn.Linear(32, 32), torch.nn.ReLU(), torch.nn.Linear(32, 2)
).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=0.005)

patience = 50  # how many steps to wait for a new best validation loss
best_val_loss, best_step, best_state = float("inf"), 0, None
for step in range(401):
    with torch.no_grad():
        val_loss = F.cross_entropy(model(x_val), y_val).item()
    if val_loss < best_val_loss:
        best_val_loss, best_step, best_state = val_loss, step, copy.deepcopy(model.state_dict())
    elif step - best_step >= patience:
        break  # no improvement for `patience` steps: stop
    loss = F.cross_entropy(model(x_train), y_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

model.load_state_dict(best_state)  # go back to the best parameters seen
with torch.no_grad():
    val_accuracy = (model(x_val).argmax(dim=1) == y_val).float().mean().item()
print(f"stopped at step {step}, best step {best_step}")
print(f"restored model: val loss {best_val_loss:.4f}, val accuracy {val_accuracy:.3f}")
assert step < 200 and val_accuracy > 0.8
