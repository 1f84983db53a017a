import numpy as np

# The bowl f(w) = (0.2 w1^2 + 4 w2^2) / 2. Along each axis a step multiplies w_i by (1 - lr * curvature_i),
# so gradient descent converges only if |1 - lr * 4| < 1, that is lr < 2 / 4 = 0.5: the steepest axis decides.
curvature = np.array([0.2, 4.0])


def loss_after(learning_rate, steps=200):
    w = np.array([-4.0, 1.5])
    for _ in range(steps):
        w = w - learning_rate * curvature * w
    return 0.5 * np.sum(curvature * w**2)


for learning_rate in [0.3, 0.45, 0.49, 0.51, 0.55]:
    print(f"lr = {learning_rate:.2f}: f(w) after 200 steps = {loss_after(learning_rate):.3e}")
assert loss_after(0.49) < 1e-6 < 1e6 < loss_after(0.51)

# Converging is not converging fast: the gentle axis shrinks by (1 - 0.2 lr), the steep one by |1 - 4 lr|.
# The slower of the two is fastest when both are equal: lr = 2 / (0.2 + 4), about 0.476.
for learning_rate in [0.3, 0.45, 2 / 4.2, 0.49]:
    steps_needed = next(t for t in range(1, 2000) if loss_after(learning_rate, t) < 1e-10)
    print(f"lr = {learning_rate:.3f}: {steps_needed:3d} steps to reach f(w) < 1e-10")
