import numpy as np

# The bowl f(w) = (0.2 w1^2 + 4 w2^2) / 2: gentle along w1, twenty times steeper along w2.
curvature = np.array([0.2, 4.0])
learning_rate = 0.4

w = np.array([-4.0, 1.5])  # start, shape (2,)
for step in range(1, 61):
    gradient = curvature * w  # (df/dw1, df/dw2) = (0.2 w1, 4 w2)
    w = w - learning_rate * gradient
    if step in (1, 2, 3, 4, 20, 60):
        print(f"step {step:2d}: w = ({w[0]:+.4f}, {w[1]:+.4f}), f(w) = {0.5 * np.sum(curvature * w**2):.6f}")
assert 0.5 * np.sum(curvature * w**2) < 1e-3  # from f(w) = 6.1 at the start
