import tempfile
from pathlib import Path

import numpy as np
import torch
from sklearn.datasets import load_digits
from torch import nn

torch.manual_seed(0)
x = torch.tensor(load_digits().data / 16, dtype=torch.float64)  # CPU, float64: a reference check


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(64, 32)
        self.activation = nn.ReLU()
        self.output = nn.Linear(32, 10)

    def forward(self, x):
        return self.output(self.activation(self.hidden(x)))


model = MLP().double()
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "mlp.npz"
    # PyTorch -> NumPy: a state_dict is a dictionary of named tensors, so it fits an .npz file as it is.
    np.savez(path, **{name: tensor.numpy() for name, tensor in model.state_dict().items()})
    with np.load(path) as file:
        params = {name: file[name] for name in file.files}
print("names in the .npz file:", list(params))

hidden = np.maximum(x.numpy() @ params["hidden.weight"].T + params["hidden.bias"], 0)
numpy_logits = hidden @ params["output.weight"].T + params["output.bias"]
with torch.no_grad():
    torch_logits = model(x).numpy()
agree = np.allclose(numpy_logits, torch_logits, rtol=0, atol=1e-12)
print(f"NumPy and PyTorch logits of {len(x)} images agree to 1e-12: {agree}")
assert agree

# NumPy -> PyTorch: the same names load into a fresh model, bit for bit.
fresh = MLP().double()
fresh.load_state_dict({name: torch.from_numpy(array) for name, array in params.items()})
same = all(torch.equal(a, b) for a, b in zip(model.state_dict().values(), fresh.state_dict().values()))
print("parameters identical after the round trip:", same)
assert same
