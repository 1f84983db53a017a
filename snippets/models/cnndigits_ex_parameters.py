import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"


def conv_parameters(c_in, c_out, k):
    return c_out * (c_in * k * k + 1)  # a k x k kernel per input channel, and a bias, per output channel


def linear_parameters(n_in, n_out):
    return n_out * (n_in + 1)


by_hand = {
    "conv1": conv_parameters(1, 16, 3),
    "conv2": conv_parameters(16, 32, 3),
    "fc1": linear_parameters(32 * 2 * 2, 64),
    "fc2": linear_parameters(64, 10),
}
cnn = nn.Sequential(
    nn.Conv2d(1, 16, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(16, 32, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(32 * 2 * 2, 64),
    nn.ReLU(),
    nn.Linear(64, 10),
).to(device)
counted = [sum(p.numel() for p in layer.parameters()) for layer in cnn if isinstance(layer, (nn.Conv2d, nn.Linear))]
for (name, count), torch_count in zip(by_hand.items(), counted):
    print(f"{name:5s} {count:6,}")
    assert count == torch_count
mlp_first = linear_parameters(64, 256)
print(f"CNN total {sum(by_hand.values()):,}; the MLP's first layer alone {mlp_first:,}")
# The same two convolutions on a 28 x 28 image: the kernels do not grow with the image, fc1's input does.
print(
    f"conv1 + conv2 on 28x28 images: {by_hand['conv1'] + by_hand['conv2']:,}; fc1: {linear_parameters(32 * 7 * 7, 64):,}"
)
