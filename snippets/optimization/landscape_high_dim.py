import numpy as np

rng = np.random.default_rng(0)
coupling = 0.1


def random_critical_points(n, count):
    """f(w) = sum(w_i^4 / 4 - w_i^2 / 2) + coupling / 2 w^T S w: each w_i near -1, 0 or +1, picked at random,
    then polished by Newton's method. Returns the Hessian's eigenvalues and f at each critical point."""
    s = rng.normal(size=(n, n))
    s = (s + s.T) / 2
    s /= np.abs(np.linalg.eigvalsh(s)).max()  # a random symmetric coupling of norm 1
    w = rng.choice([-1.0, 0.0, 1.0], size=(count, n))

    def gradient(w):
        return w**3 - w + coupling * w @ s

    def hessian(w):
        return np.eye(n) * (3 * w**2 - 1)[:, None, :] + coupling * s  # (count, n, n)

    for _ in range(6):
        w = w - np.linalg.solve(hessian(w), gradient(w)[..., None])[..., 0]
    assert np.abs(gradient(w)).max() < 1e-10  # all are critical points
    loss = (w**4 / 4 - w**2 / 2).sum(axis=1) + coupling / 2 * np.einsum("bi,ij,bj->b", w, s, w)
    return np.linalg.eigvalsh(hessian(w)), loss


print("dimension  minima among 1000 critical points  (2/3)^n")
for n in (1, 2, 5, 10, 20):
    eigenvalues, loss = random_critical_points(n, 1000)
    minima = np.all(eigenvalues > 0, axis=1).mean()
    print(f"{n:9d}  {minima:33.2%}  {(2 / 3) ** n:7.2%}")

eigenvalues, loss = random_critical_points(20, 1000)
negative = (eigenvalues < 0).mean(axis=1)  # the share of downhill directions
print("\nn = 20: share of negative eigenvalues  critical points  mean f")
for low, high in [(0.0, 0.2), (0.2, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 1.01)]:
    chosen = (negative >= low) & (negative < high)
    print(f"{f'{low:.0%} to {min(high, 1):.0%}':>35s}  {chosen.sum():15d}  {loss[chosen].mean():+6.2f}")
correlation = np.corrcoef(negative, loss)[0, 1]
print(f"correlation of f with the share of negative eigenvalues: {correlation:.2f}")
assert correlation > 0.9  # the higher the loss, the more ways down
