import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"

# The same 5x5 image and left-minus-right kernel; PyTorch wants N x C x H x W and O x C x kh x kw.
image = torch.tensor([[0.0, 0, 1, 1, 1]] * 5, device=device).reshape(1, 1, 5, 5)
kernel = torch.tensor([[1.0, 0, -1]] * 3, device=device).reshape(1, 1, 3, 3)
print(f"stride 1, padding 0:\n{F.conv2d(image, kernel)[0, 0].cpu().numpy()}")
print(f"stride 2, padding 1:\n{F.conv2d(image, kernel, stride=2, padding=1)[0, 0].cpu().numpy()}")

# A layer holds the kernels as its weight: one C x kh x kw kernel and one bias per output channel.
layer = torch.nn.Conv2d(in_channels=3, out_channels=4, kernel_size=(3, 2), stride=2, padding=1).to(device)
x = torch.randn(2, 3, 7, 6, device=device)
print(f"weight {tuple(layer.weight.shape)}, bias {tuple(layer.bias.shape)}, output {tuple(layer(x).shape)}")
assert torch.allclose(layer(x), F.conv2d(x, layer.weight, layer.bias, stride=2, padding=1))
