import numpy as np

rng = np.random.default_rng(0)


def learn_rule(noise: float, samples: int) -> tuple[float, float]:
    """Fit F = slope * C + intercept to noisy measurements by least squares."""
    celsius = rng.uniform(-20, 40, size=samples)
    fahrenheit = 1.8 * celsius + 32 + rng.normal(0, noise, size=samples)
    features = np.column_stack([celsius, np.ones_like(celsius)])
    (slope, intercept), *_ = np.linalg.lstsq(features, fahrenheit, rcond=None)
    return slope, intercept


for noise, samples in [(0.5, 50), (5.0, 50), (5.0, 5000)]:
    slope, intercept = learn_rule(noise, samples)
    print(f"noise {noise:3.1f}, {samples:4d} samples: F = {slope:.3f} * C + {intercept:.2f}")

slope, intercept = learn_rule(5.0, 5000)
assert abs(slope - 1.8) < 0.01 and abs(intercept - 32) < 0.3
