import torch
from sklearn.datasets import load_digits

device = "cuda" if torch.cuda.is_available() else "cpu"

digits = load_digits()
inputs = torch.tensor(digits.data[:1792] / 16, dtype=torch.float32, device=device)  # (1792, 64)
targets = torch.tensor(digits.target[:1792], device=device)


def train(optimizer_class, learning_rate, gradient_scale):
    """20 steps on combined batches of 64; the gradient is multiplied by gradient_scale before each step."""
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10)).to(device)
    optimizer = optimizer_class(model.parameters(), lr=learning_rate)
    for step in range(20):
        batch = slice(64 * step, 64 * (step + 1))
        optimizer.zero_grad()
        torch.nn.functional.cross_entropy(model(inputs[batch]), targets[batch]).backward()
        for parameter in model.parameters():
            parameter.grad *= gradient_scale  # 2: the all-reduced sum of two processes, not their mean
        optimizer.step()
    return torch.nn.utils.parameters_to_vector(model.parameters()).detach()


sgd_sum = train(torch.optim.SGD, 0.5, gradient_scale=2)
sgd_mean = train(torch.optim.SGD, 0.5, gradient_scale=1)
sgd_double_rate = train(torch.optim.SGD, 1.0, gradient_scale=1)
adam_sum = train(torch.optim.Adam, 1e-3, gradient_scale=2)
adam_mean = train(torch.optim.Adam, 1e-3, gradient_scale=1)
sgd_difference = (sgd_sum - sgd_mean).abs().max().item()
adam_difference = (adam_sum - adam_mean).abs().max().item()
print(f"SGD,  sum instead of mean: parameters differ by up to {sgd_difference:.1e}")
print(f"SGD,  sum vs mean with twice the learning rate: identical {torch.equal(sgd_sum, sgd_double_rate)}")
print(f"Adam, sum instead of mean: parameters differ by up to {adam_difference:.1e}")
assert torch.equal(sgd_sum, sgd_double_rate)
assert adam_difference < sgd_difference / 100  # Adam divides the scale out again, but for epsilon
