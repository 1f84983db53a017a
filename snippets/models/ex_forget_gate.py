import math

import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

hidden = 4
cell = nn.LSTMCell(1, hidden).to(device)
x = torch.zeros(1, 1, device=device)  # no new input: only memory is left
for forget_bias in [0.0, 3.0]:
    with torch.no_grad():
        for parameter in cell.parameters():
            parameter.zero_()  # every gate sees z = bias only
        cell.bias_ih[hidden : 2 * hidden] = forget_bias  # rows i, [f], g, o
    h, c = torch.zeros(1, hidden, device=device), torch.ones(1, hidden, device=device)
    for _ in range(20):
        h, c = cell(x, (h, c))  # g = tanh(0) = 0 writes nothing; f scales the memory
    f = torch.sigmoid(torch.tensor(forget_bias)).item()
    memory = c[0, 0].item()
    print(f"forget bias {forget_bias}: f = {f:.3f}, memory after 20 steps {memory:.2e} (f^20 = {f**20:.2e})")
    assert math.isclose(memory, f**20, rel_tol=1e-4)
