import time

import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # a model this small gains nothing from more CPU threads, and loses when cores are busy
started = time.perf_counter()

# 1. Data: 8x8 digit images, split 60/20/20 with every class in proportion, standardised with training statistics.
digits = load_digits()
x_rest, x_test, y_rest, y_test = train_test_split(
    digits.data, digits.target, test_size=0.2, stratify=digits.target, random_state=0
)
x_train, x_val, y_train, y_val = train_test_split(x_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
mean, std = x_train.mean(axis=0), x_train.std(axis=0)  # never statistics of val or test
std[std == 0] = 1.0  # a pixel always 0 in training stays as it is (dividing by ~0 would blow up val/test)


def to_tensors(x, y):
    return (
        torch.tensor((x - mean) / std, dtype=torch.float32, device=device),
        torch.tensor(y, dtype=torch.long, device=device),
    )


x_train, y_train = to_tensors(x_train, y_train)
x_val, y_val = to_tensors(x_val, y_val)
x_test, y_test = to_tensors(x_test, y_test)

# 2. Model: an MLP with dropout, 64 pixels -> 10 logits.
model = torch.nn.Sequential(
    torch.nn.Linear(64, 256), torch.nn.ReLU(), torch.nn.Dropout(0.2), torch.nn.Linear(256, 10)
).to(device)

# 3. Loss: cross-entropy on the logits, lightly smoothed labels.
loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.05)

# 4. Optimization algorithm: AdamW on mini-batches of 64, learning rate on a cosine schedule.
epochs, batch_size = 30, 64
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-2)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs)


@torch.no_grad()
def accuracy(x, y):
    model.eval()
    return (model(x).argmax(dim=1) == y).float().mean().item()


best_val, best_state = 0.0, None
for epoch in range(epochs):
    model.train()
    for batch in torch.randperm(len(x_train), device=device).split(batch_size):
        loss = loss_fn(model(x_train[batch]), y_train[batch])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    scheduler.step()
    val_accuracy = accuracy(x_val, y_val)
    if val_accuracy > best_val:  # keep the epoch the validation set likes best (early stopping's memory)
        best_val, best_state = val_accuracy, {k: v.clone() for k, v in model.state_dict().items()}

# Evaluation: the test set, once, with the weights chosen on the validation set.
model.load_state_dict(best_state)
test_accuracy = accuracy(x_test, y_test)
seconds = time.perf_counter() - started
print(f"train {len(x_train)}, validation {len(x_val)}, test {len(x_test)} images")
print(f"best validation accuracy {best_val:.1%}, test accuracy {test_accuracy:.1%}, in {seconds:.1f} s")
assert test_accuracy >= 0.95
