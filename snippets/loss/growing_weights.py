import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def make_data(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Two classes, one feature: class 1 sits to the right of class 0, with some overlap."""
    labels = torch.randint(0, 2, (n,), device=device).float()
    return (2 * labels - 1 + 0.8 * torch.randn(n, device=device)).unsqueeze(1), labels


x_val, y_val = make_data(1000)
x_train, y_train = make_data(40)
keep = (x_train.squeeze(1) > 0.1) == (y_train == 1)  # drop the overlap: the training set becomes separable
x_train, y_train = x_train[keep], y_train[keep]

model = torch.nn.Linear(1, 1).to(device)  # logistic regression: logit = w x + b
optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
rows = []
for step in range(1001):
    logits = model(x_train).squeeze(1)
    loss = F.binary_cross_entropy_with_logits(logits, y_train)
    if step in (100, 200, 500, 1000):
        with torch.no_grad():
            val_logits = model(x_val).squeeze(1)
            train_accuracy = ((logits > 0).float() == y_train).float().mean().item()
            val_accuracy = ((val_logits > 0).float() == y_val).float().mean().item()
            val_loss = F.binary_cross_entropy_with_logits(val_logits, y_val).item()
        rows.append((step, loss.item(), train_accuracy, val_accuracy, val_loss, model.weight.abs().item()))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

print("step  train loss  train acc  val acc  val loss    |w|")
for step, train_loss, train_acc, val_acc, val_loss, weight in rows:
    print(f"{step:4d}  {train_loss:10.4f}  {train_acc:9.3f}  {val_acc:7.3f}  {val_loss:8.4f}  {weight:5.2f}")

_, train_losses, train_accs, val_accs, val_losses, weights = map(list, zip(*rows))
assert train_losses == sorted(train_losses, reverse=True) and weights == sorted(weights)  # loss down, |w| up
assert min(train_accs) == 1.0 and max(val_accs) - min(val_accs) < 0.01  # no prediction got better
assert val_losses == sorted(val_losses)  # but the few mistakes became ever more confident
