import torch
from sklearn.datasets import load_digits

device = "cuda" if torch.cuda.is_available() else "cpu"

digits = load_digits()
inputs = torch.tensor(digits.data[:1792] / 16, dtype=torch.float32, device=device)  # (1792, 64)
targets = torch.tensor(digits.target[:1792], device=device)


def train(micro_batches):
    """28 steps of 64 samples, each step's gradient built from micro_batches pieces of 64 // micro_batches."""
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10)).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    for step in range(28):
        optimizer.zero_grad()
        for piece in torch.arange(64 * step, 64 * (step + 1), device=device).chunk(micro_batches):
            loss = torch.nn.functional.cross_entropy(model(inputs[piece]), targets[piece])
            (loss / micro_batches).backward()  # .grad adds up; dividing makes the sum a mean
        optimizer.step()
    return torch.nn.utils.parameters_to_vector(model.parameters()).detach()


one_batch = train(micro_batches=1)
for micro_batches in (2, 4):
    difference = (train(micro_batches) - one_batch).abs().max().item()
    print(f"{micro_batches} micro-batches of {64 // micro_batches}: largest difference {difference:.1e}")
    assert difference < 1e-6
