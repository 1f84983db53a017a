import torch
from sklearn.datasets import load_digits

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# The same data in every snippet on this page: 300 digits to learn from, 500 to validate on, 997 to test on.
# float64 throughout, so that the printed numbers come out the same on every CPU.
digits = load_digits()
images = torch.tensor(digits.data, dtype=torch.float64, device=device) / 16  # (1797, 64), pixels in [0, 1]
labels = torch.tensor(digits.target, device=device)  # (1797,)
order = torch.randperm(len(images), generator=torch.Generator().manual_seed(0)).to(device)
train, val, test = order[:300], order[300:800], order[800:]


def make_model():
    torch.manual_seed(0)  # the same initial weights for every run
    layers = [torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10)]
    return torch.nn.Sequential(*layers).to(device, torch.float64)


@torch.no_grad()
def evaluate(model, split):
    model.eval()  # dropout off, batch norm on its running statistics
    logits = model(images[split])
    loss = torch.nn.functional.cross_entropy(logits, labels[split]).item()
    accuracy = (logits.argmax(1) == labels[split]).float().mean().item()
    return loss, accuracy


def fit(model, max_epochs, patience=None):
    """Train; with a patience, stop once the validation loss has not improved for that many epochs
    and return the weights of the best epoch. Returns the model and the number of epochs trained."""
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=0.0)
    best_loss, best_epoch, best_state = float("inf"), 0, None
    for epoch in range(1, max_epochs + 1):
        model.train()
        loss = torch.nn.functional.cross_entropy(model(images[train]), labels[train])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if patience is None:
            continue
        val_loss = evaluate(model, val)[0]  # the validation set decides; the test set stays unseen
        if val_loss < best_loss:
            best_loss, best_epoch = val_loss, epoch
            best_state = {name: value.clone() for name, value in model.state_dict().items()}
        elif epoch - best_epoch >= patience:
            model.load_state_dict(best_state)  # back to the best epoch
            break
    return model, epoch


full, _ = fit(make_model(), max_epochs=500)
stopped, stopped_at = fit(make_model(), max_epochs=500, patience=20)

for name, model in [("all 500 epochs", full), (f"stopped at epoch {stopped_at}", stopped)]:
    loss, accuracy = evaluate(model, test)
    print(f"{name:>21}: test loss {loss:.3f}, test accuracy {accuracy:.1%}")
assert stopped_at < 250 and evaluate(stopped, test)[0] < evaluate(full, test)[0]
