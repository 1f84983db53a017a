import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


class AlexNet(nn.Module):
    """AlexNet as torchvision builds it (single-GPU variant, no local response norm)."""

    def __init__(self, num_classes: int = 1000, dropout: float = 0.5):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 64, kernel_size=11, stride=4, padding=2),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(64, 192, kernel_size=5, padding=2),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(192, 384, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.Conv2d(384, 256, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.Conv2d(256, 256, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
        )
        # Any input size >= 63 pixels ends up as a 6x6 map, so the classifier always fits.
        self.avgpool = nn.AdaptiveAvgPool2d((6, 6))
        self.classifier = nn.Sequential(
            nn.Dropout(p=dropout),
            nn.Linear(256 * 6 * 6, 4096),
            nn.ReLU(inplace=True),
            nn.Dropout(p=dropout),
            nn.Linear(4096, 4096),
            nn.ReLU(inplace=True),
            nn.Linear(4096, num_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.features(x)  # (N, 256, 6, 6) for a 224x224 input
        x = self.avgpool(x)
        x = torch.flatten(x, 1)  # (N, 9216)
        return self.classifier(x)


model = AlexNet().to(device).eval()  # eval(): dropout off
image = torch.randn(1, 3, 224, 224, device=device)  # one ImageNet-sized image

# Walk the layers by hand to print the shape after each one.
with torch.no_grad():
    x = image
    for index, layer in enumerate(model.features):
        x = layer(x)
        print(f"features[{index:2d}] {type(layer).__name__:<9} -> {tuple(x.shape)}")
    x = torch.flatten(model.avgpool(x), 1)
    print(f"avgpool+flatten        -> {tuple(x.shape)}")
    logits = model.classifier(x)
    print(f"classifier             -> {tuple(logits.shape)}")
    assert x.shape == (1, 256 * 6 * 6)
    assert torch.allclose(logits, model(image))  # same as the model's own forward

num_parameters = sum(p.numel() for p in model.parameters())
conv_parameters = sum(p.numel() for p in model.features.parameters())
print(f"parameters: {num_parameters:,}")
fully_connected_parameters = num_parameters - conv_parameters
print(f"  in convolutions: {conv_parameters:,}, in fully connected layers: {fully_connected_parameters:,}")
assert logits.shape == (1, 1000)
assert num_parameters == 61_100_840  # torchvision's published count
