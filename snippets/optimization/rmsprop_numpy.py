import numpy as np

# The bowl f(w) = (0.2 w1^2 + 4 w2^2) / 2: gentle along w1, twenty times steeper along w2.
curvature = np.array([0.2, 4.0])


class RMSprop:
    def __init__(self, lr=1e-2, alpha=0.99, eps=1e-8):
        self.lr, self.alpha, self.eps = lr, alpha, eps
        self.square_avg = 0.0

    def step(self, w, gradient):
        self.square_avg = self.alpha * self.square_avg + (1 - self.alpha) * gradient**2  # forgets old g^2
        return w - self.lr * gradient / (np.sqrt(self.square_avg) + self.eps)  # eps outside the sqrt


w = np.array([-4.0, 1.5])  # start, shape (2,)
optimizer = RMSprop(lr=0.1)
for step in range(1, 101):
    gradient = curvature * w  # df/dw, by hand
    w = optimizer.step(w, gradient)
    if step in (1, 10, 100):
        loss = 0.5 * np.sum(curvature * w**2)
        print(f"step {step:3d}: w = ({w[0]:+.4f}, {w[1]:+.4f}), f(w) = {loss:.6f}")
assert loss < 1e-3  # from f(w) = 6.1 at the start
