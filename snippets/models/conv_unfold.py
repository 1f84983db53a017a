import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

x = torch.randn(2, 3, 7, 6, device=device)
weight, bias = torch.randn(4, 3, 3, 2, device=device), torch.randn(4, device=device)

# F.unfold is PyTorch's im2col: N x (C kh kw) x (H_out W_out).
columns = F.unfold(x, kernel_size=(3, 2), stride=2, padding=1)
h_out, w_out = (7 + 2 - 3) // 2 + 1, (6 + 2 - 2) // 2 + 1
out = (weight.reshape(4, -1) @ columns + bias[:, None]).reshape(2, 4, h_out, w_out)
print(f"input {tuple(x.shape)} -> columns {tuple(columns.shape)}")
print(f"weights as a matrix {tuple(weight.reshape(4, -1).shape)}, output {tuple(out.shape)}")

reference = F.conv2d(x, weight, bias, stride=2, padding=1)
assert torch.allclose(out, reference, atol=1e-5)
print("unfold, then one matrix product: equal to F.conv2d within 1e-5 (float32)")
