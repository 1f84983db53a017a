import numpy as np

# The bowl f(w) = (0.2 w1^2 + 4 w2^2) / 2: gentle along w1, twenty times steeper along w2.
curvature = np.array([0.2, 4.0])


class Adagrad:
    def __init__(self, lr=1e-2, eps=1e-10):
        self.lr, self.eps = lr, eps
        self.sum_squares = 0.0

    def step(self, w, gradient):
        self.sum_squares = self.sum_squares + gradient**2  # s <- s + g^2, never forgets
        return w - self.lr * gradient / (np.sqrt(self.sum_squares) + self.eps)  # eps outside the sqrt


w = np.array([-4.0, 1.5])  # start, shape (2,)
optimizer = Adagrad(lr=1.0)
for step in range(1, 101):
    gradient = curvature * w  # df/dw, by hand
    w = optimizer.step(w, gradient)
    if step in (1, 10, 100):
        loss = 0.5 * np.sum(curvature * w**2)
        print(f"step {step:3d}: w = ({w[0]:+.4f}, {w[1]:+.4f}), f(w) = {loss:.6f}")
assert loss < 1e-3  # from f(w) = 6.1 at the start
