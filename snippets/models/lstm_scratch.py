import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


class LSTMFromScratch(nn.Module):
    """One LSTM layer written from its equations, with nn.LSTM's parameter layout."""

    def __init__(self, input_size: int, hidden_size: int):
        super().__init__()
        self.hidden_size = hidden_size
        # Rows stacked as the gates i, f, g, o (input, forget, cell candidate, output).
        self.weight_ih = nn.Parameter(torch.empty(4 * hidden_size, input_size))
        self.weight_hh = nn.Parameter(torch.empty(4 * hidden_size, hidden_size))
        self.bias_ih = nn.Parameter(torch.empty(4 * hidden_size))
        self.bias_hh = nn.Parameter(torch.empty(4 * hidden_size))
        bound = hidden_size**-0.5  # nn.LSTM's initialization
        for parameter in self.parameters():
            nn.init.uniform_(parameter, -bound, bound)

    def forward(self, x: torch.Tensor, state: tuple[torch.Tensor, torch.Tensor]):
        h, c = state  # each (N, hidden)
        outputs = []
        for x_t in x:  # x: (T, N, input_size)
            z = x_t @ self.weight_ih.T + self.bias_ih + h @ self.weight_hh.T + self.bias_hh
            i, f, g, o = z.chunk(4, dim=1)
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            c = f * c + i * g
            h = o * torch.tanh(c)
            outputs.append(h)
        return torch.stack(outputs), (h, c)


seq_len, batch, input_size, hidden_size = 7, 3, 5, 4
reference = nn.LSTM(input_size, hidden_size).double().to(device)
ours = LSTMFromScratch(input_size, hidden_size).double().to(device)
with torch.no_grad():  # copy the weights: nn.LSTM names them weight_ih_l0, ...
    for name, parameter in ours.named_parameters():
        parameter.copy_(getattr(reference, f"{name}_l0"))

x = torch.randn(seq_len, batch, input_size, dtype=torch.float64, device=device)
h0 = torch.randn(batch, hidden_size, dtype=torch.float64, device=device)
c0 = torch.randn(batch, hidden_size, dtype=torch.float64, device=device)
output, (h_n, c_n) = ours(x, (h0, c0))
ref_output, (ref_h_n, ref_c_n) = reference(x, (h0[None], c0[None]))  # adds a layer axis
print(f"output {tuple(output.shape)}, h_n {tuple(h_n.shape)}, c_n {tuple(c_n.shape)}")
assert output.shape == (seq_len, batch, hidden_size)
assert torch.allclose(output, ref_output, atol=1e-12)
assert torch.allclose(c_n, ref_c_n[0], atol=1e-12)

# Backpropagation through our loop gives nn.LSTM's gradients too.
output.sum().backward()
ref_output.sum().backward()
for name, parameter in ours.named_parameters():
    assert torch.allclose(parameter.grad, getattr(reference, f"{name}_l0").grad, atol=1e-12)
print("outputs and gradients match nn.LSTM to 1e-12")
