import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


class MLP(nn.Module):
    """A multilayer perceptron: linear layers with a nonlinearity between them."""

    def __init__(self, in_features: int, hidden: int, out_features: int):
        super().__init__()  # must come first: it sets up the registries for layers
        self.hidden = nn.Linear(in_features, hidden)  # W1: (hidden, in), b1: (hidden,)
        self.activation = nn.ReLU()
        self.output = nn.Linear(hidden, out_features)  # W2: (out, hidden), b2: (out,)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.activation(self.hidden(x))  # (N, hidden)
        return self.output(h)  # (N, out) logits


model = MLP(in_features=64, hidden=32, out_features=10).to(device)
print(model)

x = torch.randn(5, 64, device=device)  # 5 samples, 64 features each (an 8x8 image)
logits = model(x)  # calling the module runs forward()
print(f"input {tuple(x.shape)} -> logits {tuple(logits.shape)}")
assert logits.shape == (5, 10)

# The same computation written out with the layers' weights.
by_hand = torch.relu(x @ model.hidden.weight.T + model.hidden.bias)
by_hand = by_hand @ model.output.weight.T + model.output.bias
assert torch.allclose(logits, by_hand, atol=1e-6)
print("forward() matches relu(x W1^T + b1) W2^T + b2")
