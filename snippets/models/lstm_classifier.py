import math

import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
dtype = torch.float64  # float64 so that the printed digits do not depend on the CPU's thread count


def make_waves(num: int, seq_len: int = 20):
    """Noisy sine waves; label 1 = fast (0.6-0.9 rad per step), 0 = slow (0.1-0.3)."""
    labels = torch.randint(0, 2, (num,), device=device)
    slow = torch.empty(num, device=device, dtype=dtype).uniform_(0.1, 0.3)
    fast = torch.empty(num, device=device, dtype=dtype).uniform_(0.6, 0.9)
    frequency = torch.where(labels == 1, fast, slow)
    phase = torch.rand(num, device=device, dtype=dtype) * 2 * math.pi  # random start: no shortcut
    t = torch.arange(seq_len, device=device, dtype=dtype)
    waves = torch.sin(frequency[:, None] * t + phase[:, None])
    waves = waves + 0.2 * torch.randn(num, seq_len, device=device, dtype=dtype)
    return waves[..., None], labels  # (N, T, 1), (N,)


class SequenceClassifier(nn.Module):
    def __init__(self, input_size: int = 1, hidden_size: int = 16, num_classes: int = 2):
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True)  # x: (N, T, features)
        self.head = nn.Linear(hidden_size, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        outputs, (h_n, c_n) = self.lstm(x)  # outputs: (N, T, hidden), h_n: (1, N, hidden)
        return self.head(h_n[-1])  # classify from the state after the last step


model = SequenceClassifier().to(device, dtype)
optimizer = torch.optim.Adam(model.parameters(), lr=0.005)
x_test, y_test = make_waves(1000)
assert model(x_test).shape == (1000, 2)


def test_accuracy() -> float:
    model.eval()
    with torch.no_grad():
        return (model(x_test).argmax(dim=1) == y_test).float().mean().item()


print(f"parameters: {sum(p.numel() for p in model.parameters()):,}")
print(f"before training: test accuracy {test_accuracy():.2f}")
for step in range(1, 201):
    model.train()
    x, y = make_waves(64)
    loss = nn.functional.cross_entropy(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)  # RNNs can have gradient spikes
    optimizer.step()
    if step % 50 == 0:
        print(f"step {step}: loss {loss.item():.3f}, test accuracy {test_accuracy():.2f}")
assert test_accuracy() > 0.9
