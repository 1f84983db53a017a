import numpy as np
import torch
from torch import nn

torch.manual_seed(0)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def lstm_forward(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    """Run an LSTM over x: (T, N, input_size). Gate rows are stacked as i, f, g, o."""
    outputs = []
    for x_t in x:  # x_t: (N, input_size)
        z = x_t @ weight_ih.T + bias_ih + h @ weight_hh.T + bias_hh  # (N, 4 * hidden)
        i, f, g, o = np.split(z, 4, axis=1)  # each (N, hidden)
        i, f, g, o = sigmoid(i), sigmoid(f), np.tanh(g), sigmoid(o)
        c = f * c + i * g  # forget some of the old memory, write some new
        h = o * np.tanh(c)  # expose part of the memory
        outputs.append(h)
    return np.stack(outputs), h, c  # (T, N, hidden), (N, hidden), (N, hidden)


seq_len, batch, input_size, hidden_size = 7, 3, 5, 4
torch_lstm = nn.LSTM(input_size, hidden_size).double()  # float64 for a tight check
x = torch.randn(seq_len, batch, input_size, dtype=torch.float64)
h0 = torch.randn(1, batch, hidden_size, dtype=torch.float64)
c0 = torch.randn(1, batch, hidden_size, dtype=torch.float64)

# Copy torch's weights into NumPy and run both.
weights = [p.detach().numpy() for p in torch_lstm.parameters()]  # W_ih, W_hh, b_ih, b_hh
print("torch parameters:", [tuple(w.shape) for w in weights])
output, h_n, c_n = lstm_forward(x.numpy(), h0[0].numpy(), c0[0].numpy(), *weights)
with torch.no_grad():
    torch_output, (torch_h_n, torch_c_n) = torch_lstm(x, (h0, c0))

difference = max(
    np.abs(output - torch_output.numpy()).max(),
    np.abs(h_n - torch_h_n[0].numpy()).max(),
    np.abs(c_n - torch_c_n[0].numpy()).max(),
)
assert output.shape == (seq_len, batch, hidden_size)
assert difference < 1e-12
print(f"output {output.shape}: NumPy and nn.LSTM agree to 1e-12")
