import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


class BasicConv2d(nn.Sequential):
    """Convolution without bias, then batch normalization, then ReLU."""

    def __init__(self, in_channels: int, out_channels: int, **conv_options):
        super().__init__(
            nn.Conv2d(in_channels, out_channels, bias=False, **conv_options),
            nn.BatchNorm2d(out_channels, eps=0.001),
            nn.ReLU(inplace=True),
        )


class Inception(nn.Module):
    """Four parallel branches whose outputs are stacked along the channels."""

    def __init__(self, in_channels, ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, pool_proj):
        super().__init__()
        self.branch1 = BasicConv2d(in_channels, ch1x1, kernel_size=1)
        # 1x1 convolutions shrink the channels before the expensive 3x3 ones.
        self.branch2 = nn.Sequential(
            BasicConv2d(in_channels, ch3x3red, kernel_size=1),
            BasicConv2d(ch3x3red, ch3x3, kernel_size=3, padding=1),
        )
        # Called the "5x5" branch, but torchvision (like its trained weights) uses 3x3 here.
        self.branch3 = nn.Sequential(
            BasicConv2d(in_channels, ch5x5red, kernel_size=1),
            BasicConv2d(ch5x5red, ch5x5, kernel_size=3, padding=1),
        )
        self.branch4 = nn.Sequential(
            nn.MaxPool2d(kernel_size=3, stride=1, padding=1, ceil_mode=True),
            BasicConv2d(in_channels, pool_proj, kernel_size=1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        branches = [self.branch1, self.branch2, self.branch3, self.branch4]
        return torch.cat([branch(x) for branch in branches], dim=1)


class GoogLeNet(nn.Module):
    """GoogLeNet (Inception v1) as torchvision builds it, without the auxiliary heads."""

    def __init__(self, num_classes: int = 1000, dropout: float = 0.2):
        super().__init__()
        self.conv1 = BasicConv2d(3, 64, kernel_size=7, stride=2, padding=3)
        self.maxpool1 = nn.MaxPool2d(3, stride=2, ceil_mode=True)
        self.conv2 = BasicConv2d(64, 64, kernel_size=1)
        self.conv3 = BasicConv2d(64, 192, kernel_size=3, padding=1)
        self.maxpool2 = nn.MaxPool2d(3, stride=2, ceil_mode=True)
        self.inception3a = Inception(192, 64, 96, 128, 16, 32, 32)
        self.inception3b = Inception(256, 128, 128, 192, 32, 96, 64)
        self.maxpool3 = nn.MaxPool2d(3, stride=2, ceil_mode=True)
        self.inception4a = Inception(480, 192, 96, 208, 16, 48, 64)
        self.inception4b = Inception(512, 160, 112, 224, 24, 64, 64)
        self.inception4c = Inception(512, 128, 128, 256, 24, 64, 64)
        self.inception4d = Inception(512, 112, 144, 288, 32, 64, 64)
        self.inception4e = Inception(528, 256, 160, 320, 32, 128, 128)
        self.maxpool4 = nn.MaxPool2d(2, stride=2, ceil_mode=True)
        self.inception5a = Inception(832, 256, 160, 320, 32, 128, 128)
        self.inception5b = Inception(832, 384, 192, 384, 48, 128, 128)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.flatten = nn.Flatten()
        self.dropout = nn.Dropout(p=dropout)
        self.fc = nn.Linear(1024, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # The layers were registered in the order they run.
        for layer in self.children():
            x = layer(x)
        return x


model = GoogLeNet().to(device).eval()
image = torch.randn(1, 3, 224, 224, device=device)

shapes = {}
with torch.no_grad():
    x = image
    for name, layer in model.named_children():
        x = layer(x)
        shapes[name] = tuple(x.shape)
        print(f"{name:<12} -> {shapes[name]}")

num_parameters = sum(p.numel() for p in model.parameters())
print(f"parameters: {num_parameters:,}")
assert shapes["inception3a"] == (1, 64 + 128 + 32 + 32, 28, 28)  # branches stacked
assert shapes["inception5b"] == (1, 1024, 7, 7)
assert shapes["fc"] == (1, 1000)
assert num_parameters == 6_624_904  # torchvision's published count
