import numpy as np

# One neuron and a squared error: L = (tanh(w * x + b) - y)^2.
x, w, b, y = 1.5, 0.8, -0.2, 0.5

# Forward: compute the output and keep every intermediate value.
z = w * x + b
a = np.tanh(z)
loss = (a - y) ** 2
print("forward")
print(f"  z = w*x + b   = {z:.4f}")
print(f"  a = tanh(z)   = {a:.4f}")
print(f"  L = (a - y)^2 = {loss:.4f}")

# Backward: from the output to the inputs, one local derivative per node.
dL_da = 2 * (a - y)
da_dz = 1 - a**2  # tanh'(z) = 1 - tanh(z)^2
dL_dz = dL_da * da_dz
dL_dw = dL_dz * x  # dz/dw = x
dL_db = dL_dz * 1  # dz/db = 1
dL_dx = dL_dz * w  # dz/dx = w
print("backward")
print(f"  dL/da = 2(a - y)      = {dL_da:.4f}")
print(f"  da/dz = 1 - a^2       = {da_dz:.4f}")
print(f"  dL/dz = dL/da * da/dz = {dL_dz:.4f}")
print(f"  dL/dw = dL/dz * x     = {dL_dw:.4f}")
print(f"  dL/db = dL/dz * 1     = {dL_db:.4f}")
print(f"  dL/dx = dL/dz * w     = {dL_dx:.4f}")


# A central difference on each input agrees.
def loss_at(x, w, b):
    return (np.tanh(w * x + b) - y) ** 2


h = 1e-6
numeric = [
    (loss_at(x, w + h, b) - loss_at(x, w - h, b)) / (2 * h),
    (loss_at(x, w, b + h) - loss_at(x, w, b - h)) / (2 * h),
    (loss_at(x + h, w, b) - loss_at(x - h, w, b)) / (2 * h),
]
assert np.allclose(numeric, [dL_dw, dL_db, dL_dx], atol=1e-9)
