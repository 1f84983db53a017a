import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def conv_bn(in_channels: int, out_channels: int, kernel_size: int, stride: int = 1):
    """A convolution without bias (batch normalization adds the shift), then BatchNorm."""
    padding = kernel_size // 2  # "same" size for stride 1
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding, bias=False),
        nn.BatchNorm2d(out_channels),
    )


class BasicBlock(nn.Module):
    """Two 3x3 convolutions F(x); the block returns relu(F(x) + x)."""

    expansion = 1  # out_channels = width * expansion

    def __init__(self, in_channels: int, width: int, stride: int = 1):
        super().__init__()
        out_channels = width * self.expansion
        self.residual = self.make_residual(in_channels, width, stride)
        # When the shape changes, a strided 1x1 convolution makes the shortcut match.
        self.shortcut = nn.Identity()
        if stride != 1 or in_channels != out_channels:
            self.shortcut = conv_bn(in_channels, out_channels, 1, stride)

    def make_residual(self, in_channels: int, width: int, stride: int) -> nn.Module:
        return nn.Sequential(
            conv_bn(in_channels, width, 3, stride),
            nn.ReLU(inplace=True),
            conv_bn(width, width, 3),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(self.residual(x) + self.shortcut(x))


class Bottleneck(BasicBlock):
    """1x1 shrinks the channels, 3x3 works on the thin tensor, 1x1 widens them 4x."""

    expansion = 4

    def make_residual(self, in_channels: int, width: int, stride: int) -> nn.Module:
        return nn.Sequential(
            conv_bn(in_channels, width, 1),
            nn.ReLU(inplace=True),
            conv_bn(width, width, 3, stride),  # stride on the 3x3, as torchvision
            nn.ReLU(inplace=True),
            conv_bn(width, width * self.expansion, 1),
        )


class ResNet(nn.Module):
    def __init__(self, block, blocks_per_stage: list[int], num_classes: int = 1000):
        super().__init__()
        self.stem = nn.Sequential(
            conv_bn(3, 64, 7, stride=2),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
        )
        in_channels = 64
        for index, num_blocks in enumerate(blocks_per_stage):
            width = 64 * 2**index  # 64, 128, 256, 512
            stride = 1 if index == 0 else 2  # stages 2-4 start by halving the map
            blocks = []
            for block_index in range(num_blocks):
                blocks.append(block(in_channels, width, stride if block_index == 0 else 1))
                in_channels = width * block.expansion
            self.add_module(f"layer{index + 1}", nn.Sequential(*blocks))
        self.head = nn.Sequential(
            nn.AdaptiveAvgPool2d((1, 1)),
            nn.Flatten(),
            nn.Linear(in_channels, num_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for layer in self.children():  # stem, layer1 ... layer4, head
            x = layer(x)
        return x


def resnet18(num_classes: int = 1000) -> ResNet:
    return ResNet(BasicBlock, [2, 2, 2, 2], num_classes)


def resnet50(num_classes: int = 1000) -> ResNet:
    return ResNet(Bottleneck, [3, 4, 6, 3], num_classes)


image = torch.randn(1, 3, 224, 224, device=device)
published = {"resnet18": 11_689_512, "resnet50": 25_557_032}  # torchvision's counts
for build, final_channels in [(resnet18, 512), (resnet50, 2048)]:
    model = build().to(device).eval()
    print(build.__name__)
    shapes = {}
    with torch.no_grad():
        x = image
        for name, layer in model.named_children():
            x = layer(x)
            shapes[name] = tuple(x.shape)
            print(f"  {name:<6} -> {shapes[name]}")
    num_parameters = sum(p.numel() for p in model.parameters())
    print(f"  parameters of {build.__name__}: {num_parameters:,}")
    assert shapes["layer1"] == (1, 64 * model.layer1[0].expansion, 56, 56)
    assert shapes["layer4"] == (1, final_channels, 7, 7)
    assert shapes["head"] == (1, 1000)
    assert num_parameters == published[build.__name__]
