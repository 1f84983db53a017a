import tempfile
from pathlib import Path

import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
digits = load_digits()
x_train, x_test, y_train, y_test = train_test_split(digits.data / 16, digits.target, test_size=0.25, random_state=0)
x_train, x_test = (torch.tensor(x, dtype=torch.float32, device=device) for x in (x_train, x_test))
y_train, y_test = (torch.tensor(y, device=device) for y in (y_train, y_test))


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(64, 32)
        self.activation = nn.ReLU()
        self.output = nn.Linear(32, 10)

    def forward(self, x):
        return self.output(self.activation(self.hidden(x)))


model = MLP().to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
for step in range(300):  # full-batch gradient descent on the cross-entropy
    loss = nn.functional.cross_entropy(model(x_train), y_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

for name, tensor in model.state_dict().items():  # name -> tensor, in the order of __init__
    print(f"{name:14s} {tuple(tensor.shape)}")

with tempfile.TemporaryDirectory() as folder:  # removed at the end of the block
    path = Path(folder) / "mlp.pt"
    torch.save(model.state_dict(), path)
    print(f"saved {len(model.state_dict())} tensors, {path.stat().st_size:,} bytes")
    fresh = MLP().to(device)  # new random weights...
    fresh.load_state_dict(torch.load(path, map_location=device))  # ...replaced by the saved ones

model.eval()
fresh.eval()
with torch.no_grad():
    before, after = model(x_test), fresh(x_test)
accuracy = [(logits.argmax(dim=1) == y_test).float().mean().item() for logits in (before, after)]
print(f"test accuracy: {accuracy[0]:.3f} before, {accuracy[1]:.3f} after")
assert torch.equal(before, after)  # every bit of every logit
print("logits identical after loading:", torch.equal(before, after))
