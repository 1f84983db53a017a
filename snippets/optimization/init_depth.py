import torch
from sklearn.datasets import load_digits

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # tensors this small gain nothing from more CPU threads, and lose when cores are busy
depth, width, batch = 30, 128, 256  # 30 hidden layers; float64 so that N(0, 1) does not overflow

digits = load_digits()
images = torch.tensor(digits.data[:batch], dtype=torch.float64, device=device)  # (256, 64)
images = (images - images.mean(0)) / (images.std(0) + 1e-3)  # every pixel standardised
labels = torch.tensor(digits.target[:batch], device=device)

INITS = {  # name: how to fill one weight matrix; every bias starts at 0
    "N(0, 1)": lambda w: torch.nn.init.normal_(w, std=1.0),
    "N(0, 0.01²)": lambda w: torch.nn.init.normal_(w, std=0.01),
    "Xavier": torch.nn.init.xavier_normal_,
    "He": lambda w: torch.nn.init.kaiming_normal_(w, nonlinearity="relu"),
}
ACTIVATIONS = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "ReLU": torch.relu}


def measure(init, activation):
    """Std of each hidden layer's activations, and the gradient norm of each layer's weights (31 layers)."""
    torch.manual_seed(0)
    sizes = [64] + [width] * depth + [10]
    layers = [torch.nn.Linear(n_in, n_out, dtype=torch.float64, device=device) for n_in, n_out in zip(sizes, sizes[1:])]
    for layer in layers:
        init(layer.weight)
        torch.nn.init.zeros_(layer.bias)
    h, stds = images, []
    for layer in layers[:-1]:
        h = activation(layer(h))
        stds.append(h.std().item())
    loss = torch.nn.functional.cross_entropy(layers[-1](h), labels)
    loss.backward()
    return stds, [layer.weight.grad.norm().item() for layer in layers]


results = {(act, init): measure(INITS[init], ACTIVATIONS[act]) for act in ACTIVATIONS for init in INITS}

shown = [1, 10, 20, 30]
print(f"{depth} hidden layers of width {width}, {batch} digit images")
print(f"{'':<23}{'std of the activations at layer':^40}{'gradient norm at layer':^24}".rstrip())
print(f"{'activation':<11}{'init':<12}" + "".join(f"{n:>10}" for n in shown) + f"{1:>12}{depth + 1:>12}")
for (act, init), (stds, norms) in results.items():
    row = "".join(f"{stds[n - 1]:>10.2e}" for n in shown)
    print(f"{act:<11}{init:<12}{row}{norms[0]:>12.2e}{norms[-1]:>12.2e}")

relu_he, relu_xavier = results[("ReLU", "He")][0], results[("ReLU", "Xavier")][0]
assert 0.5 < relu_he[-1] / relu_he[0] < 2  # He keeps the scale through 30 ReLU layers
assert relu_xavier[-1] / relu_xavier[0] < 1e-3  # Xavier loses half the variance at every ReLU
assert results[("ReLU", "N(0, 1)")][0][-1] > 1e20 and results[("ReLU", "N(0, 0.01²)")][0][-1] < 1e-20
sigmoid_norms = results[("sigmoid", "Xavier")][1]
assert sigmoid_norms[0] / sigmoid_norms[-1] < 1e-10  # vanished on the way back to the first layer
