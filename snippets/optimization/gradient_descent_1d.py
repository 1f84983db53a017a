# f(w) = (w - 3)^2 has its minimum at w = 3; its derivative is f'(w) = 2 (w - 3).
learning_rate = 0.1
w = -1.0
for step in range(1, 31):
    gradient = 2 * (w - 3)
    w = w - learning_rate * gradient  # step against the slope
    if step in (1, 2, 3, 10, 30):
        print(f"step {step:2d}: w = {w:.4f}, f(w) = {(w - 3) ** 2:.6f}")
assert abs(w - 3) < 1e-2
