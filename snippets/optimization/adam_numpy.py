import numpy as np

# The bowl f(w) = (0.2 w1^2 + 4 w2^2) / 2: gentle along w1, twenty times steeper along w2.
curvature = np.array([0.2, 4.0])


class Adam:
    def __init__(self, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m, self.v, self.t = 0.0, 0.0, 0

    def step(self, w, gradient):
        self.t += 1
        self.m = self.beta1 * self.m + (1 - self.beta1) * gradient  # mean of g
        self.v = self.beta2 * self.v + (1 - self.beta2) * gradient**2  # mean of g^2
        m_hat = self.m / (1 - self.beta1**self.t)  # undo the pull towards the zero start
        v_hat = self.v / (1 - self.beta2**self.t)
        return w - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


w = np.array([-4.0, 1.5])  # start, shape (2,)
optimizer = Adam(lr=0.3)
for step in range(1, 101):
    gradient = curvature * w  # df/dw, by hand
    w = optimizer.step(w, gradient)
    if step in (1, 10, 100):
        loss = 0.5 * np.sum(curvature * w**2)
        print(f"step {step:3d}: w = ({w[0]:+.4f}, {w[1]:+.4f}), f(w) = {loss:.6f}")
assert loss < 1e-3  # from f(w) = 6.1 at the start
