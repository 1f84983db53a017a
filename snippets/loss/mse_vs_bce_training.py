import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

x = torch.linspace(-2, 2, 100, device=device).unsqueeze(1)  # (100, 1)
y = (x.squeeze(1) > 0).float()  # class 1 to the right of 0


def train(loss_name: str) -> tuple[float, float]:
    """Start confidently wrong (weight -5) and train 100 steps; return the first gradient and the final accuracy."""
    model = torch.nn.Linear(1, 1).to(device)
    with torch.no_grad():
        model.weight.fill_(-5.0)
        model.bias.zero_()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    for step in range(100):
        logits = model(x).squeeze(1)
        if loss_name == "BCE":
            loss = F.binary_cross_entropy_with_logits(logits, y)
        else:
            loss = F.mse_loss(torch.sigmoid(logits), y)  # squared error on the probability
        optimizer.zero_grad()
        loss.backward()
        if step == 0:
            first_gradient = model.weight.grad.abs().item()
        optimizer.step()
    accuracy = ((model(x).squeeze(1) > 0).float() == y).float().mean().item()
    return first_gradient, accuracy


results = {name: train(name) for name in ("BCE", "MSE")}
for name, (first_gradient, accuracy) in results.items():
    print(f"{name}: first |dL/dw| {first_gradient:.4f}   accuracy after 100 steps {accuracy:.2f}")
assert results["BCE"][0] > 10 * results["MSE"][0]  # the saturated sigmoid all but kills the MSE gradient
assert results["BCE"][1] > 0.95 > results["MSE"][1]
