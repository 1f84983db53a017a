import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(64, 32)
        self.activation = nn.ReLU()
        self.output = nn.Linear(32, 10)

    def forward(self, x):
        return self.output(self.activation(self.hidden(x)))


named = MLP().to(device)
sequential = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10)).to(device)
print("MLP keys:       ", list(named.state_dict()))
print("Sequential keys:", list(sequential.state_dict()))

# Same tensors, different names: rename hidden -> 0 and output -> 2 (ReLU at 1 has none).
state = named.state_dict()
renamed = {key.replace("hidden.", "0.").replace("output.", "2."): value for key, value in state.items()}
sequential.load_state_dict(renamed)  # strict=True: every key must match

x = torch.randn(5, 64, device=device)
assert torch.equal(named(x), sequential(x))
print("same outputs after load_state_dict")
