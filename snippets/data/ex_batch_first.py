import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

windows = torch.randn(8, 24, 2).to(device)  # N x T x F: 8 windows of 24 steps, 2 features
gru = torch.nn.GRU(input_size=2, hidden_size=4).to(device)  # batch_first=False: it expects T x N x F

with torch.no_grad():
    wrong, _ = gru(windows)  # no error: read as 8 time steps of a batch of 24
    right, _ = gru(windows.transpose(0, 1))  # T x N x F, as the layer expects
    right = right.transpose(0, 1)  # back to N x T x hidden
print(f"input {tuple(windows.shape)} -> output {tuple(wrong.shape)} without transposing (same shape, wrong meaning)")
print(f"largest difference from the correct output: {(wrong - right).abs().max().item():.3f}")

# The fix that says what it means: a layer built with batch_first=True, with the same weights.
gru_batch_first = torch.nn.GRU(input_size=2, hidden_size=4, batch_first=True).to(device)
gru_batch_first.load_state_dict(gru.state_dict())
with torch.no_grad():
    fixed, _ = gru_batch_first(windows)
print(f"batch_first=True gives the correct output: {torch.allclose(fixed, right, atol=1e-6)}")

assert wrong.shape == right.shape == (8, 24, 4)  # the shapes cannot warn you
assert not torch.allclose(wrong, right, atol=1e-3) and torch.allclose(fixed, right, atol=1e-6)
