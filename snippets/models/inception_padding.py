import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

x = torch.randn(1, 192, 28, 28, device=device)  # the input of inception3a
branch_1x1 = nn.Conv2d(192, 64, kernel_size=1).to(device)
branch_3x3_forgot_padding = nn.Conv2d(192, 128, kernel_size=3).to(device)  # padding=0
branch_3x3 = nn.Conv2d(192, 128, kernel_size=3, padding=1).to(device)

print(f"1x1 branch:               {tuple(branch_1x1(x).shape)}")
print(f"3x3 branch, no padding:   {tuple(branch_3x3_forgot_padding(x).shape)}")
try:
    torch.cat([branch_1x1(x), branch_3x3_forgot_padding(x)], dim=1)
except RuntimeError as error:
    print(f"torch.cat fails: {str(error).splitlines()[0]}")

# padding = kernel_size // 2 keeps the map size at stride 1, so the branches line up.
stacked = torch.cat([branch_1x1(x), branch_3x3(x)], dim=1)
print(f"3x3 branch, padding=1:    {tuple(branch_3x3(x).shape)} -> stacked {tuple(stacked.shape)}")
assert stacked.shape == (1, 64 + 128, 28, 28)
