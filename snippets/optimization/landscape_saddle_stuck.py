import numpy as np


def loss(w):
    x, y = w
    return x**4 / 4 - x**3 / 3 - x**2 + (y - x**2 / 2) ** 2


def gradient(w):
    x, y = w
    return np.array([x**3 - x**2 - 2 * x - 2 * x * (y - x**2 / 2), 2 * (y - x**2 / 2)])


learning_rate, max_steps = 0.05, 1000
escape_steps = []
for nudge in [1e-1, 1e-4, 1e-7, 1e-10, 0.0]:
    w = np.array([nudge, 1.0])  # the saddle point is at (0, 0)
    smallest_gradient, escaped_at = np.inf, None
    for step in range(1, max_steps + 1):
        g = gradient(w)
        smallest_gradient = min(smallest_gradient, np.linalg.norm(g))
        w = w - learning_rate * g
        if loss(w) < -0.1:
            escaped_at = step
            break
    escape_steps.append(escaped_at)
    where = (
        f"left after {escaped_at:4d} steps"
        if escaped_at
        else f"still at ({w[0]:.0f}, {w[1]:.0f}) after {max_steps} steps"
    )
    print(f"nudge {nudge:.0e}: {where}, smallest gradient norm on the way {smallest_gradient:.1e}")
extra = np.diff(escape_steps[1:4])  # 1000 times smaller nudge: how many more steps
print(
    f"each 1000 times smaller nudge costs {extra[0]} and {extra[1]} more steps; "
    f"ln(1000) / ln(1 + 2 lr) = {np.log(1000) / np.log(1 + 2 * learning_rate):.1f}"
)
assert escape_steps[-1] is None  # exactly on the saddle point, gradient descent never moves
