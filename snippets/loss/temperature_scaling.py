import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# Validation logits of an overconfident model: the true log-odds, blown up four times.
true_logits = 2 * torch.randn(2000, device=device)
labels = torch.bernoulli(torch.sigmoid(true_logits))  # labels drawn with the true probabilities
model_logits = 4 * true_logits


def calibration_error(logits: torch.Tensor, labels: torch.Tensor, bins: int = 10) -> float:
    """Average gap between confidence and accuracy over confidence bins (expected calibration error)."""
    probs = torch.sigmoid(logits)
    confidence = torch.maximum(probs, 1 - probs)
    correct = ((probs > 0.5).float() == labels).float()
    bin_index = ((confidence - 0.5) * 2 * bins).long().clamp(max=bins - 1)
    error = 0.0
    for b in range(bins):
        in_bin = bin_index == b
        if in_bin.any():
            error += in_bin.float().mean().item() * abs(confidence[in_bin].mean() - correct[in_bin].mean()).item()
    return error


# One parameter T: divide the logits by it and pick the T with the lowest validation NLL.
temperatures = torch.linspace(0.5, 10, 951, device=device)
nll = torch.stack([F.binary_cross_entropy_with_logits(model_logits / t, labels) for t in temperatures])
best_t = temperatures[nll.argmin()].item()

for name, logits in (("before", model_logits), (f"T = {best_t:.2f}", model_logits / best_t)):
    accuracy = ((logits > 0).float() == labels).float().mean().item()
    loss = F.binary_cross_entropy_with_logits(logits, labels).item()
    error = calibration_error(logits, labels)
    print(f"{name:<9}: accuracy {accuracy:.3f}  NLL {loss:.4f}  calibration error {error:.4f}")
# Dividing by T > 0 never changes the sign of a logit, so the accuracy cannot change; the NLL and calibration can.
assert 3 < best_t < 5
assert calibration_error(model_logits / best_t, labels) < calibration_error(model_logits, labels) / 2
