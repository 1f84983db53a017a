import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def lstm_parameters(input_size: int, hidden_size: int, num_layers: int = 1) -> int:
    """Four gates, each with W_ih (H x D), W_hh (H x H) and two bias vectors of length H."""
    total = 0
    for layer in range(num_layers):
        layer_input = input_size if layer == 0 else hidden_size  # deeper layers read h
        total += 4 * (hidden_size * layer_input + hidden_size * hidden_size + 2 * hidden_size)
    return total


for input_size, hidden_size, num_layers in [(1, 16, 1), (10, 20, 1), (10, 20, 2)]:
    lstm = nn.LSTM(input_size, hidden_size, num_layers).to(device)
    counted = sum(p.numel() for p in lstm.parameters())
    formula = lstm_parameters(input_size, hidden_size, num_layers)
    name = f"LSTM({input_size}, {hidden_size}, num_layers={num_layers})"
    print(f"{name}: formula {formula:,}, counted {counted:,}")
    assert formula == counted
