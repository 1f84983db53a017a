import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

x = torch.randn(4, 10, 3, device=device)  # (N, T, features)

lstm = nn.LSTM(3, 8, batch_first=True).to(device)
outputs, (h_n, c_n) = lstm(x)  # outputs: (N, T, H), h_n: (layers, N, H)
print(f"one direction:  outputs {tuple(outputs.shape)}, h_n {tuple(h_n.shape)}")
assert torch.equal(outputs[:, -1], h_n[-1])  # the last output is the last hidden state

both = nn.LSTM(3, 8, batch_first=True, bidirectional=True).to(device)
outputs, (h_n, c_n) = both(x)  # outputs: (N, T, 2H), h_n: (2, N, H)
print(f"bidirectional:  outputs {tuple(outputs.shape)}, h_n {tuple(h_n.shape)}")
forward_half, backward_half = outputs[..., :8], outputs[..., 8:]
assert torch.equal(forward_half[:, -1], h_n[0])  # forward direction ends at t = T-1
assert torch.equal(backward_half[:, 0], h_n[1])  # backward direction ends at t = 0
assert not torch.equal(backward_half[:, -1], h_n[1])  # so outputs[:, -1] is not the summary
print("backward direction's final state sits at outputs[:, 0, 8:], not at outputs[:, -1]")
