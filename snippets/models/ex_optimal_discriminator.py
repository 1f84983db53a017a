import numpy as np

rng = np.random.default_rng(0)
x = np.linspace(-8, 9, 20001)  # a fine grid for the integrals
dx = x[1] - x[0]


def gaussian(x: np.ndarray, mean: float) -> np.ndarray:
    return np.exp(-0.5 * (x - mean) ** 2) / np.sqrt(2 * np.pi)


def value(d: np.ndarray, p_data: np.ndarray, p_g: np.ndarray) -> float:
    """V(D, G) = E_data[log D(x)] + E_g[log(1 - D(x))], as integrals on the grid."""
    return float(np.sum(p_data * np.log(d) + p_g * np.log(1 - d)) * dx)


p_data, p_g = gaussian(x, 0.0), gaussian(x, 1.0)
d_star = p_data / (p_data + p_g)
best = value(d_star, p_data, p_g)
print(f"V(D*) = {best:.4f}")
for _ in range(5):  # any other discriminator does worse
    other = np.clip(d_star + 0.05 * rng.standard_normal(x.shape), 1e-6, 1 - 1e-6)
    assert value(other, p_data, p_g) < best

p_g = p_data  # the generator has won
d_star = p_data / (p_data + p_g)
print(
    f"when p_g = p_data: D* = {d_star.min():.2f}..{d_star.max():.2f}, "
    f"V = {value(d_star, p_data, p_g):.4f} = -log 4 = {-np.log(4):.4f}"
)
assert np.allclose(d_star, 0.5) and abs(value(d_star, p_data, p_g) + np.log(4)) < 1e-6
