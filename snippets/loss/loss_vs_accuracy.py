import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def make_blobs(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Two overlapping classes: even the best possible classifier gets only about 84% right."""
    labels = torch.randint(0, 2, (n,), device=device)
    centers = torch.tensor([[-1.0, 0.0], [1.0, 0.0]], device=device)
    return centers[labels] + torch.randn(n, 2, device=device), labels


# The best possible rule picks the nearer center; with unit noise it is right with probability Phi(1).
best_possible_accuracy = 0.5 * (1 + math.erf(1 / math.sqrt(2)))
x_train, y_train = make_blobs(60)  # a small training set
x_val, y_val = make_blobs(500)  # a validation set the model never trains on
model = torch.nn.Sequential(
    torch.nn.Linear(2, 32), torch.nn.ReLU(), torch.nn.Linear(32, 32), torch.nn.ReLU(), torch.nn.Linear(32, 2)
).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=0.005)

history = []  # (step, train loss, train accuracy, val loss, val accuracy, confidence when wrong)
for step in range(401):
    logits = model(x_train)
    loss = F.cross_entropy(logits, y_train)
    if step % 10 == 0:
        with torch.no_grad():
            val_logits = model(x_val)
            wrong = val_logits.argmax(dim=1) != y_val
            train_accuracy = (logits.argmax(dim=1) == y_train).float().mean().item()
            val_loss = F.cross_entropy(val_logits, y_val).item()
            confidence = torch.softmax(val_logits, dim=1).max(dim=1).values[wrong].mean().item()  # sure when wrong
        history.append((step, loss.item(), train_accuracy, val_loss, 1 - wrong.float().mean().item(), confidence))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

print("step  train loss  train acc  val loss  val acc  confidence when wrong")
for step, train_loss, train_acc, val_loss, val_acc, confidence in history:
    if step in (0, 50, 100, 200, 300, 400):
        print(f"{step:4d}  {train_loss:10.4f}  {train_acc:9.3f}  {val_loss:8.4f}  {val_acc:7.3f}  {confidence:21.3f}")

train_losses = [row[1] for row in history]
val_losses = [row[3] for row in history]
val_accuracies = [row[4] for row in history]
best = max(range(len(history)), key=lambda i: val_accuracies[i])
print(f"best val accuracy {val_accuracies[best]:.3f} at step {history[best][0]}, final {val_accuracies[-1]:.3f}")
step_at_best, train_loss_at_best, _, val_loss_at_best, _, confidence_at_best = history[best]
print(
    f"at step {step_at_best}: train loss {train_loss_at_best:.4f}, val loss {val_loss_at_best:.4f}, "
    f"confidence when wrong {confidence_at_best:.3f}"
)
print(f"best accuracy any classifier can expect: {best_possible_accuracy:.3f}")
assert train_losses[-1] < 0.1 * train_losses[0]  # the training loss kept falling...
assert val_accuracies[-1] < val_accuracies[best] - 0.03  # ...while validation accuracy got worse
assert val_losses[-1] > 3 * min(val_losses) and history[-1][5] > 0.9  # and the mistakes became confident
