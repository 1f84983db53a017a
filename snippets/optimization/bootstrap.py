import numpy as np

rng = np.random.default_rng(0)
sample = rng.exponential(scale=1.0, size=50)  # one sample of 50 skewed measurements

# Bootstrap: resample the sample with replacement, recompute the statistic, look at its spread.
resamples = rng.choice(sample, size=(5000, len(sample)), replace=True)  # (5000, 50)
bootstrap_means = resamples.mean(axis=1)
bootstrap_medians = np.median(resamples, axis=1)

formula = sample.std(ddof=1) / np.sqrt(len(sample))  # textbook standard error of the mean
print(f"mean   = {sample.mean():.3f}, standard error: bootstrap {bootstrap_means.std():.3f}, formula {formula:.3f}")
low, high = np.percentile(bootstrap_medians, [2.5, 97.5])
print(f"median = {np.median(sample):.3f}, 95% bootstrap interval [{low:.3f}, {high:.3f}] (no formula needed)")
assert abs(bootstrap_means.std() - formula) < 0.1 * formula
assert low < np.median(sample) < high
