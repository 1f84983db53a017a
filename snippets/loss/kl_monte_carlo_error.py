import numpy as np

rng = np.random.default_rng(0)
mu_p, sigma_p, mu_q, sigma_q = 0.0, 1.0, 1.0, 2.0
closed = np.log(sigma_q / sigma_p) + (sigma_p**2 + (mu_p - mu_q) ** 2) / (2 * sigma_q**2) - 0.5


def log_normal_pdf(x, mu, sigma):
    return -0.5 * ((x - mu) / sigma) ** 2 - np.log(sigma) - 0.5 * np.log(2 * np.pi)


spread = {}
for num_samples in (100, 1000, 10000):
    x = rng.normal(mu_p, sigma_p, size=(200, num_samples))  # 200 independent estimates
    estimates = (log_normal_pdf(x, mu_p, sigma_p) - log_normal_pdf(x, mu_q, sigma_q)).mean(axis=1)
    spread[num_samples] = estimates.std()
    print(f"n = {num_samples:>6}: mean of estimates {estimates.mean():.4f}  spread {spread[num_samples]:.4f}")
print(f"closed form         : {closed:.4f}")
# Ten times the samples shrink the spread by about sqrt(10) = 3.16.
assert 2.5 < spread[100] / spread[1000] < 4 and 2.5 < spread[1000] / spread[10000] < 4
