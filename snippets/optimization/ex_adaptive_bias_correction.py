import numpy as np
import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

lr, beta1, beta2, eps = 1e-3, 0.9, 0.999, 1e-8  # torch.optim.Adam's defaults
gradient, steps = 2.0, 1000  # the loss L(w) = 2 w: the same gradient at every step


def adam_step_sizes(bias_correction):
    m, v, sizes = 0.0, 0.0, []
    for t in range(1, steps + 1):
        m = beta1 * m + (1 - beta1) * gradient
        v = beta2 * v + (1 - beta2) * gradient**2
        if bias_correction:
            m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
        else:
            m_hat, v_hat = m, v  # both averages still lean towards their zero start
        sizes.append(lr * m_hat / (np.sqrt(v_hat) + eps))
    return np.array(sizes)


corrected, uncorrected = adam_step_sizes(True), adam_step_sizes(False)

# torch.optim.Adam on the same loss: record w after every step, then take the differences.
w = torch.zeros(1, dtype=torch.float64, device=device, requires_grad=True)
optimizer = torch.optim.Adam([w], lr=lr, betas=(beta1, beta2), eps=eps)
positions = [w.detach().clone()]
for _ in range(steps):
    optimizer.zero_grad()
    (gradient * w).sum().backward()
    optimizer.step()
    positions.append(w.detach().clone())
torch_sizes = -torch.cat(positions).diff().cpu().numpy()

ratio = uncorrected / corrected
print("step  with correction  without  ratio")
for t in (1, 10, 100, 1000):
    print(f"{t:4d}  {corrected[t - 1]:15.6f}  {uncorrected[t - 1]:7.6f}  {ratio[t - 1]:5.2f}")
print(f"largest ratio: {ratio.max():.2f}, at step {ratio.argmax() + 1}")
assert np.allclose(torch_sizes, corrected, rtol=1e-9)  # torch.optim.Adam corrects the bias
assert abs(ratio[0] - (1 - beta1) / np.sqrt(1 - beta2)) < 1e-6  # first step: 0.1 / sqrt(0.001)
assert ratio.max() > 5 and ratio[-1] > 1.2  # too large early, and still too large after 1000 steps
