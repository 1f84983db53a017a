import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

logits = torch.tensor(
    [
        [2.0, 0.5, -1.0],
        [1.5, 0.2, 0.1],
        [0.3, 1.0, -0.5],
        [2.2, -0.3, 0.4],
        [0.8, 0.9, 0.1],
        [1.1, -0.2, 0.6],
        [0.9, 0.4, 0.2],
        [0.5, -0.1, 1.2],
    ],
    device=device,
    dtype=torch.float64,
    requires_grad=True,
)  # (8 samples, 3 classes)
labels = torch.tensor([0, 0, 0, 0, 0, 0, 1, 2], device=device)  # class 0 is six times as common
counts = torch.bincount(labels, minlength=3)
weight = 1 / counts.double()  # inverse frequency: rare classes weigh more
loss = F.cross_entropy(logits, labels, weight=weight)  # module form: torch.nn.CrossEntropyLoss(weight=weight)
loss.backward()
per_sample = F.cross_entropy(logits, labels, weight=weight, reduction="none")  # already multiplied by w_{y_i}
print("class weights      :", " ".join(f"{w:.4f}" for w in weight.tolist()))
print(f"plain mean         : {F.cross_entropy(logits, labels).item():.4f}")
print(f"weighted mean      : {loss.item():.4f}")
print(f"weighted sum / N   : {per_sample.sum().item() / len(labels):.4f}   (not what PyTorch computes)")
assert torch.allclose(loss, per_sample.sum() / weight[labels].sum())  # the weighted mean divides by sum_i w_{y_i}

# Autograd against the analytic gradient: w_{y_i} (softmax(z_i) - one_hot(y_i)) / sum_i w_{y_i}.
one_hot = F.one_hot(labels, num_classes=3).double()
sample_weight = weight[labels].unsqueeze(1)  # (8, 1)
analytic_grad = sample_weight * (torch.softmax(logits.detach(), dim=1) - one_hot) / sample_weight.sum()
assert torch.allclose(logits.grad, analytic_grad, rtol=0, atol=1e-12)
print("autograd gradient = analytic gradient w_y (softmax(z) - one_hot(y)) / sum of w_y")
