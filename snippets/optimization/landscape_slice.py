import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # a network this small gains nothing from more CPU threads

digits = load_digits()
x_train, x_test, y_train, y_test = train_test_split(
    digits.data / 16, digits.target, test_size=0.25, stratify=digits.target, random_state=0
)  # pixel values 0..16 scaled to [0, 1]
x_train, x_test = (torch.tensor(x, dtype=torch.float32, device=device) for x in (x_train, x_test))
y_train, y_test = (torch.tensor(y, device=device) for y in (y_train, y_test))


def train(batch_size, learning_rate=0.5, target_loss=0.05):
    """SGD from the same initial weights until an epoch's mean training loss is below target_loss."""
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10)).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    epochs, epoch_loss = 0, float("inf")
    while epoch_loss >= target_loss:
        batches = torch.randperm(len(x_train), device=device).split(batch_size)
        total = 0.0
        for batch in batches:
            loss = torch.nn.functional.cross_entropy(model(x_train[batch]), y_train[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.detach()
        epochs, epoch_loss = epochs + 1, total.item() / len(batches)
    return model, epochs


def filter_normalized_direction(model, seed):
    """A random direction whose rows (one neuron's incoming weights) have the norms of the model's rows."""
    generator = torch.Generator().manual_seed(seed)
    direction = []
    for weight in model.parameters():
        d = torch.randn(weight.shape, generator=generator).to(device)
        if weight.dim() == 1:
            d.zero_()  # biases stay where they are
        else:
            d *= weight.norm(dim=1, keepdim=True) / d.norm(dim=1, keepdim=True)
        direction.append(d)
    return direction


@torch.no_grad()
def loss_along(model, direction, alpha, x=x_train, y=y_train):
    """The loss at (trained weights) + alpha * direction; the trained weights are put back afterwards."""
    trained = [weight.clone() for weight in model.parameters()]
    for weight, d in zip(model.parameters(), direction):
        weight.add_(alpha * d)
    loss = torch.nn.functional.cross_entropy(model(x), y).item()
    for weight, saved in zip(model.parameters(), trained):
        weight.copy_(saved)
    return loss


batch_sizes = (32, len(x_train))  # a small batch, and the whole training set
models, epochs = {}, {}
for b in batch_sizes:
    models[b], epochs[b] = train(b)
alphas = (-1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0)
slices = {}
for b, model in models.items():
    directions = [filter_normalized_direction(model, seed) for seed in range(5)]
    slices[b] = [sum(loss_along(model, d, alpha) for d in directions) / len(directions) for alpha in alphas]


def row(label, values, spec):
    print(f"{label:>26s}" + "".join(f"{value:>12{spec}}" for value in values))


parameters = sum(weight.numel() for weight in models[32].parameters())
print(f"{parameters} parameters; {len(x_train)} training and {len(x_test)} test images")
row("batch size", batch_sizes, "d")
row("epochs until loss < 0.05", [epochs[b] for b in batch_sizes], "d")
row("training loss", [loss_along(models[b], [], 0) for b in batch_sizes], ".4f")
row("test loss", [loss_along(models[b], [], 0, x_test, y_test) for b in batch_sizes], ".4f")
with torch.no_grad():
    row("test accuracy", [(models[b](x_test).argmax(1) == y_test).float().mean().item() for b in batch_sizes], ".1%")
print("training loss along 5 filter-normalized directions, averaged:")
for i, alpha in enumerate(alphas):
    row(f"alpha {alpha:+.2f}", [slices[b][i] for b in batch_sizes], ".4f")
rise = {
    b: (slices[b][alphas.index(-0.5)] + slices[b][alphas.index(0.5)]) / 2 - slices[b][alphas.index(0.0)]
    for b in batch_sizes
}
print(f"rise at |alpha| = 0.5: {rise[32]:.3f} (batch 32), {rise[len(x_train)]:.3f} (whole set)")
assert rise[32] < rise[len(x_train)]  # the small batch ended in the flatter valley
