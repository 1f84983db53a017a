import torch
from sklearn.datasets import load_digits

device = "cuda" if torch.cuda.is_available() else "cpu"

digits = load_digits()
inputs = torch.tensor(digits.data[:1792] / 16, dtype=torch.float32, device=device)  # (1792, 64)
targets = torch.tensor(digits.target[:1792], device=device)


def training_loss(batch_size, learning_rate, epochs=2):
    """SGD on shuffled batches; returns the loss on all 1792 digits afterwards."""
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10)).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    for epoch in range(epochs):
        for batch in torch.randperm(len(targets), device=device).split(batch_size):
            optimizer.zero_grad()
            torch.nn.functional.cross_entropy(model(inputs[batch]), targets[batch]).backward()
            optimizer.step()
    with torch.no_grad():
        return torch.nn.functional.cross_entropy(model(inputs), targets).item()


print("processes  batch  steps  loss (lr 0.1)  loss (lr 0.1 x processes)")
losses = {}
for processes in (1, 2, 4, 8, 16):
    batch_size = 32 * processes  # 32 samples per process per step
    losses[processes] = (training_loss(batch_size, 0.1), training_loss(batch_size, 0.1 * processes))
    steps = 2 * -(-len(targets) // batch_size)
    print(f"{processes:9d}  {batch_size:5d}  {steps:5d}  {losses[processes][0]:13.3f}  {losses[processes][1]:25.3f}")

assert losses[4][0] > losses[1][0] + 0.5  # the same rate: fewer steps, less progress
assert losses[4][1] < losses[1][0] + 0.1  # the rate scaled with the batch: about as far as one process
assert losses[16][1] > losses[1][0] + 0.3  # until the steps get too few and the rate too large
