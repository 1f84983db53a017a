import numpy as np

x = np.linspace(-8, 8, 4001)  # integration grid
dx = x[1] - x[0]


def normal_pdf(x, mu, sigma):
    return np.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * np.sqrt(2 * np.pi))


p = 0.5 * normal_pdf(x, -2.0, 0.5) + 0.5 * normal_pdf(x, 2.0, 0.5)  # two separate bumps


def kl(a, b):
    """KL(a || b) by numerical integration on the grid; tiny densities are floored to avoid log(0)."""
    a, b = np.maximum(a, 1e-300), np.maximum(b, 1e-300)
    return np.sum(a * (np.log(a) - np.log(b))) * dx


means = np.linspace(-3, 3, 61)
stds = np.linspace(0.2, 3.0, 57)
forward = np.array([[kl(p, normal_pdf(x, m, s)) for s in stds] for m in means])  # KL(p || q)
reverse = np.array([[kl(normal_pdf(x, m, s), p) for s in stds] for m in means])  # KL(q || p)
for name, table in (("forward KL(p || q)", forward), ("reverse KL(q || p)", reverse)):
    i, j = np.unravel_index(table.argmin(), table.shape)
    print(f"{name}: best q has |mean| {abs(means[i]):.1f} and standard deviation {stds[j]:.2f}")

i, j = np.unravel_index(forward.argmin(), forward.shape)
assert abs(means[i]) < 0.1 and abs(stds[j] - np.sqrt(4.25)) < 0.1  # covers both bumps: mean 0, variance 4.25
i, j = np.unravel_index(reverse.argmin(), reverse.shape)
assert abs(abs(means[i]) - 2) < 0.1 and abs(stds[j] - 0.5) < 0.1  # sits on one bump
