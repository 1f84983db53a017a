# Gradient descent on f(w) = (w - 3)^2 from w = -1 (distance 4), twenty steps, three learning rates.
distance = {}
print("after 20 steps:")
for learning_rate, verdict in [(0.05, "too small"), (0.4, "about right"), (1.05, "too large")]:
    w = -1.0
    for step in range(20):
        w = w - learning_rate * 2 * (w - 3)
    distance[learning_rate] = abs(w - 3)
    factor = 1 - 2 * learning_rate  # each step multiplies w - 3 by this
    print(f"  lr = {learning_rate:4}: |w - 3| = {distance[learning_rate]:8.4f}, factor {factor:+.2f} ({verdict})")

# The distance shrinks only while |1 - 2 lr| < 1, that is 0 < lr < 1.
assert distance[0.4] < distance[0.05] < 4 < distance[1.05]
