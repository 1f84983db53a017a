import numpy as np

rng = np.random.default_rng(0)

# Measurements: temperatures in Celsius and (slightly noisy) readings in Fahrenheit.
celsius = rng.uniform(-20, 40, size=50)
fahrenheit = 1.8 * celsius + 32 + rng.normal(0, 0.5, size=50)

# Machine learning: nobody writes F = 1.8 C + 32; least squares finds it from the data.
features = np.column_stack([celsius, np.ones_like(celsius)])  # (50, 2): [C, 1]
(slope, intercept), *_ = np.linalg.lstsq(features, fahrenheit, rcond=None)

print(f"learned rule: F = {slope:.3f} * C + {intercept:.2f}")
assert abs(slope - 1.8) < 0.02 and abs(intercept - 32) < 0.5
