import numpy as np
import torch


def reduce(per_element: np.ndarray, reduction: str):
    """'none' keeps one loss per element, 'sum' adds them, 'mean' averages them."""
    if reduction == "none":
        return per_element
    return per_element.sum() if reduction == "sum" else per_element.mean()


def gaussian_nll(mean, target, var, full: bool = False, eps: float = 1e-6, reduction: str = "mean"):
    """0.5 * (log var + (target - mean)^2 / var); like PyTorch, var is clamped at eps and full adds 0.5 log(2 pi)."""
    var = np.maximum(var, eps)
    per_element = 0.5 * (np.log(var) + (target - mean) ** 2 / var)
    if full:
        per_element = per_element + 0.5 * np.log(2 * np.pi)
    return reduce(per_element, reduction)


def gaussian_nll_grad(mean, target, var, eps: float = 1e-6, reduction: str = "mean"):
    """dL/dmean = (mean - target) / var and dL/dvar = 0.5 * (1 / var - (target - mean)^2 / var^2)."""
    var = np.maximum(var, eps)
    grad_mean = (mean - target) / var
    grad_var = 0.5 * (1 / var - (target - mean) ** 2 / var**2)
    scale = 1 / target.size if reduction == "mean" else 1.0
    return grad_mean * scale, grad_var * scale


y = np.array([3.0, -0.5, 2.0, 7.0])  # targets
mean = np.array([2.5, 0.0, 2.0, 11.0])  # predicted means; the last one is off by 4
var_honest = np.array([0.25, 0.25, 0.25, 16.0])  # the model says it is unsure about the last one
var_sure = np.full(4, 0.25)  # the model claims the same certainty everywhere
print(f"honest variance : {gaussian_nll(mean, y, var_honest):.4f}")
print(f"same variance   : {gaussian_nll(mean, y, var_sure):.4f}")
grad_mean, grad_var = gaussian_nll_grad(mean, y, var_honest)
print("dL/dmean        :", " ".join(f"{g:+.4f}" for g in grad_mean))
print("dL/dvar         :", " ".join(f"{g:+.4f}" for g in grad_var))

# Check against PyTorch on random float64 inputs: values and both gradients, for every reduction.
rng = np.random.default_rng(0)
mean_random, y_random = rng.normal(size=(2, 3, 5))
var_random = rng.uniform(0.1, 3.0, size=(3, 5))
for reduction in ("mean", "sum"):
    mean_torch = torch.tensor(mean_random, requires_grad=True)
    var_torch = torch.tensor(var_random, requires_grad=True)
    loss_torch = torch.nn.functional.gaussian_nll_loss(
        mean_torch, torch.tensor(y_random), var_torch, full=True, reduction=reduction
    )
    loss_torch.backward()
    loss_numpy = gaussian_nll(mean_random, y_random, var_random, full=True, reduction=reduction)
    assert abs(loss_numpy - loss_torch.item()) < 1e-12
    grad_mean, grad_var = gaussian_nll_grad(mean_random, y_random, var_random, reduction=reduction)
    assert np.allclose(grad_mean, mean_torch.grad.numpy(), rtol=0, atol=1e-12)
    assert np.allclose(grad_var, var_torch.grad.numpy(), rtol=0, atol=1e-12)
print("matches torch.nn.functional.gaussian_nll_loss (value and both gradients)")
