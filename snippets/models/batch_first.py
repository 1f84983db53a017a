import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

batch, seq_len, features = 4, 10, 3
x = torch.randn(batch, seq_len, features, device=device)  # data laid out as (N, T, features)

# Mistake: nn.LSTM expects (T, N, features) unless batch_first=True. No error is raised.
wrong = nn.LSTM(features, 8).to(device)
outputs, _ = wrong(x)
print(f"batch_first=False on (N, T, F) data: output {tuple(outputs.shape)}, no error")

# Symptom: changing sample 0 changes the output for sample 1, because the LSTM
# stepped along the batch axis as if it were time.
x_changed = x.clone()
x_changed[0] = torch.randn(seq_len, features, device=device)
leak = (wrong(x_changed)[0][1] - outputs[1]).abs().max().item()
print(f"  output for sample 1 changes by {leak:.3f} when only sample 0 changed")
assert leak > 1e-3

right = nn.LSTM(features, 8, batch_first=True).to(device)
right.load_state_dict(wrong.state_dict())  # same weights, only the layout differs
outputs, _ = right(x)
leak = (right(x_changed)[0][1] - outputs[1]).abs().max().item()
print(f"batch_first=True: output {tuple(outputs.shape)}; sample 1 changes by {leak:.3f}")
assert leak == 0.0
