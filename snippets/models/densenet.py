import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


class DenseLayer(nn.Sequential):
    """BN-ReLU-1x1 conv to bn_size * growth channels, then BN-ReLU-3x3 conv to growth."""

    def __init__(self, in_channels: int, growth_rate: int, bn_size: int):
        super().__init__(
            nn.BatchNorm2d(in_channels),
            nn.ReLU(inplace=True),
            nn.Conv2d(in_channels, bn_size * growth_rate, kernel_size=1, bias=False),
            nn.BatchNorm2d(bn_size * growth_rate),
            nn.ReLU(inplace=True),
            nn.Conv2d(bn_size * growth_rate, growth_rate, 3, padding=1, bias=False),
        )


class DenseBlock(nn.Module):
    """Each layer sees the block input and the outputs of all earlier layers, stacked."""

    def __init__(self, num_layers: int, in_channels: int, growth_rate: int, bn_size: int):
        super().__init__()
        self.layers = nn.ModuleList(
            DenseLayer(in_channels + i * growth_rate, growth_rate, bn_size) for i in range(num_layers)
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        features = [x]
        for layer in self.layers:
            features.append(layer(torch.cat(features, dim=1)))
        return torch.cat(features, dim=1)  # in_channels + num_layers * growth_rate


class Transition(nn.Sequential):
    """Between blocks: a 1x1 conv halves the channels, 2x2 average pooling the map."""

    def __init__(self, in_channels: int, out_channels: int):
        super().__init__(
            nn.BatchNorm2d(in_channels),
            nn.ReLU(inplace=True),
            nn.Conv2d(in_channels, out_channels, kernel_size=1, bias=False),
            nn.AvgPool2d(kernel_size=2, stride=2),
        )


class DenseNet(nn.Module):
    def __init__(
        self,
        growth_rate: int = 32,
        block_config: tuple[int, ...] = (6, 12, 24, 16),
        num_init_features: int = 64,
        bn_size: int = 4,
        num_classes: int = 1000,
    ):
        super().__init__()
        self.features = nn.Sequential()
        self.features.add_module(
            "stem",
            nn.Sequential(
                nn.Conv2d(3, num_init_features, kernel_size=7, stride=2, padding=3, bias=False),
                nn.BatchNorm2d(num_init_features),
                nn.ReLU(inplace=True),
                nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
            ),
        )
        channels = num_init_features
        for index, num_layers in enumerate(block_config):
            block = DenseBlock(num_layers, channels, growth_rate, bn_size)
            self.features.add_module(f"denseblock{index + 1}", block)
            channels += num_layers * growth_rate
            if index != len(block_config) - 1:
                transition = Transition(channels, channels // 2)
                self.features.add_module(f"transition{index + 1}", transition)
                channels //= 2
        self.features.add_module("norm5", nn.BatchNorm2d(channels))
        self.head = nn.Sequential(
            nn.ReLU(),
            nn.AdaptiveAvgPool2d((1, 1)),
            nn.Flatten(),
            nn.Linear(channels, num_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def densenet121(num_classes: int = 1000) -> DenseNet:
    return DenseNet(32, (6, 12, 24, 16), 64, bn_size=4, num_classes=num_classes)


model = densenet121().to(device).eval()
image = torch.randn(1, 3, 224, 224, device=device)

shapes = {}
with torch.no_grad():
    x = image
    for name, layer in [*model.features.named_children(), ("head", model.head)]:
        x = layer(x)
        shapes[name] = tuple(x.shape)
        print(f"{name:<12} -> {shapes[name]}")

num_parameters = sum(p.numel() for p in model.parameters())
print(f"parameters: {num_parameters:,}")
assert shapes["denseblock1"] == (1, 64 + 6 * 32, 56, 56)  # 6 layers added 32 channels each
assert shapes["transition1"] == (1, (64 + 6 * 32) // 2, 28, 28)
assert shapes["norm5"] == (1, 1024, 7, 7)
assert shapes["head"] == (1, 1000)
assert num_parameters == 7_978_856  # torchvision's published count
