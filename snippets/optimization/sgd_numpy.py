import numpy as np

# The bowl f(w) = (0.2 w1^2 + 4 w2^2) / 2: gentle along w1, twenty times steeper along w2.
curvature = np.array([0.2, 4.0])


class SGD:
    def __init__(self, lr):
        self.lr = lr

    def step(self, w, gradient):
        return w - self.lr * gradient  # w <- w - lr * g


w = np.array([-4.0, 1.5])  # start, shape (2,)
optimizer = SGD(lr=0.4)
for step in range(1, 101):
    gradient = curvature * w  # df/dw, by hand
    w = optimizer.step(w, gradient)
    if step in (1, 10, 100):
        loss = 0.5 * np.sum(curvature * w**2)
        print(f"step {step:3d}: w = ({w[0]:+.4f}, {w[1]:+.4f}), f(w) = {loss:.6f}")
assert loss < 1e-3  # from f(w) = 6.1 at the start
