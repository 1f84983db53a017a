import numpy as np

# The bowl f(w) = (0.2 w1^2 + 4 w2^2) / 2: gentle along w1, twenty times steeper along w2.
curvature = np.array([0.2, 4.0])


class Momentum:
    def __init__(self, lr, momentum=0.9):
        self.lr, self.momentum = lr, momentum
        self.velocity = 0.0  # v_0 = 0, so v_1 = g_1 as in torch

    def step(self, w, gradient):
        self.velocity = self.momentum * self.velocity + gradient  # v <- mu v + g
        return w - self.lr * self.velocity  # w <- w - lr v


w = np.array([-4.0, 1.5])  # start, shape (2,)
optimizer = Momentum(lr=0.05, momentum=0.9)
for step in range(1, 101):
    gradient = curvature * w  # df/dw, by hand
    w = optimizer.step(w, gradient)
    if step in (1, 10, 100):
        loss = 0.5 * np.sum(curvature * w**2)
        print(f"step {step:3d}: w = ({w[0]:+.4f}, {w[1]:+.4f}), f(w) = {loss:.6f}")
assert loss < 1e-3  # from f(w) = 6.1 at the start
