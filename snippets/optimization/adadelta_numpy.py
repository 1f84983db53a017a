import numpy as np

# The bowl f(w) = (0.2 w1^2 + 4 w2^2) / 2: gentle along w1, twenty times steeper along w2.
curvature = np.array([0.2, 4.0])


class Adadelta:
    def __init__(self, lr=1.0, rho=0.9, eps=1e-6):
        self.lr, self.rho, self.eps = lr, rho, eps
        self.square_avg = 0.0  # running mean of g^2
        self.delta_avg = 0.0  # running mean of (update)^2

    def step(self, w, gradient):
        rho, eps = self.rho, self.eps
        self.square_avg = rho * self.square_avg + (1 - rho) * gradient**2
        delta = np.sqrt(self.delta_avg + eps) / np.sqrt(self.square_avg + eps) * gradient  # eps inside both
        self.delta_avg = rho * self.delta_avg + (1 - rho) * delta**2
        return w - self.lr * delta


w = np.array([-4.0, 1.5])  # start, shape (2,)
optimizer = Adadelta(lr=1.0)
for step in range(1, 101):
    gradient = curvature * w  # df/dw, by hand
    w = optimizer.step(w, gradient)
    if step in (1, 10, 100):
        loss = 0.5 * np.sum(curvature * w**2)
        print(f"step {step:3d}: w = ({w[0]:+.4f}, {w[1]:+.4f}), f(w) = {loss:.6f}")
assert loss < 6.1  # from f(w) = 6.1 at the start: slow, but downhill
