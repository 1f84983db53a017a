"""Correctness proofs for the data chapter: the code shown on the pages, checked against from-scratch versions.

Each test loads a snippet with runpy (its demo is cheap) and checks its functions or results on many inputs,
in float64 where numbers are compared, against NumPy written out by hand or against scikit-learn.
"""

import functools
import math
import runpy
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, default_collate

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets" / "data"


@functools.lru_cache(maxsize=None)
def snippet(name: str) -> dict:
    """The globals of snippets/data/<name>.py after running it once."""
    return runpy.run_path(str(SNIPPETS / f"{name}.py"))


def log_softmax_numpy(logits: np.ndarray, axis: int) -> np.ndarray:
    shifted = logits - logits.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


# --- data by problem type ---------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_cross_entropy_takes_indices_or_one_hot_and_both_match_numpy(seed):
    rng = np.random.default_rng(seed)
    logits = rng.normal(size=(7, 5))
    labels = rng.integers(0, 5, size=7)
    by_hand = -log_softmax_numpy(logits, axis=1)[np.arange(7), labels].mean()
    logits_t = torch.tensor(logits)
    from_indices = F.cross_entropy(logits_t, torch.tensor(labels))
    from_one_hot = F.cross_entropy(logits_t, F.one_hot(torch.tensor(labels), 5).double())
    assert abs(from_indices.item() - by_hand) < 1e-12
    assert abs(from_one_hot.item() - by_hand) < 1e-12


@pytest.mark.parametrize("seed", range(5))
def test_segmentation_cross_entropy_is_the_mean_over_labelled_pixels(seed):
    rng = np.random.default_rng(seed)
    logits = rng.normal(size=(2, 4, 6, 5))  # N x K x H x W
    masks = rng.integers(0, 4, size=(2, 6, 5))
    masks[rng.random(masks.shape) < 0.2] = 255  # unlabelled pixels
    labelled = masks != 255
    log_probs = log_softmax_numpy(logits, axis=1)  # over the class axis
    n, h, w = np.nonzero(labelled)
    by_hand = -log_probs[n, masks[labelled], h, w].mean()
    loss = F.cross_entropy(torch.tensor(logits), torch.tensor(masks), ignore_index=255)
    assert abs(loss.item() - by_hand) < 1e-12


def test_segmentation_snippet_layouts():
    g = snippet("segmentation_batch")
    assert g["masks"].shape == (2, 16, 16) and g["masks"].dtype == torch.int64
    assert g["logits"].shape == (2, 3, 16, 16)
    assert set(g["masks"].unique().tolist()) == {0, 1, 2, 255}


def raster_iou(a, b) -> float:
    """IoU of two integer xyxy boxes by counting pixels on a grid."""
    grid = np.zeros((2, 40, 40), dtype=bool)
    for layer, (x1, y1, x2, y2) in zip(grid, [a, b]):
        layer[y1:y2, x1:x2] = True
    return (grid[0] & grid[1]).sum() / (grid[0] | grid[1]).sum()


def test_box_iou_matches_counting_pixels():
    box_iou = snippet("detection_batch")["box_iou"]
    rng = np.random.default_rng(0)
    corners = rng.integers(4, 20, size=(300, 2, 2))
    sizes = rng.integers(1, 15, size=(300, 2, 2))
    # Half the pairs: the second box is the first one moved and resized a little, so that they overlap a lot.
    corners[:150, 1] = corners[:150, 0] + rng.integers(-3, 4, size=(150, 2))
    sizes[:150, 1] = np.maximum(sizes[:150, 0] + rng.integers(-2, 3, size=(150, 2)), 1)
    boxes = np.concatenate([corners, corners + sizes], axis=2)  # 300 pairs x 2 boxes x xyxy
    iou = box_iou(torch.tensor(boxes[:, 0], dtype=torch.float64), torch.tensor(boxes[:, 1], dtype=torch.float64))
    expected = [raster_iou(a, b) for a, b in boxes.tolist()]
    assert np.allclose(iou.numpy(), expected, atol=1e-12)
    assert (np.array(expected) == 0).any() and (np.array(expected) > 0.5).any()  # both cases were exercised


@pytest.mark.parametrize("seed", range(6))
def test_detection_collate_keeps_every_target_in_order(seed):
    g = snippet("detection_batch")
    dataset = g["ToyDetectionDataset"](num_images=7, seed=seed)
    loader = DataLoader(dataset, batch_size=3, collate_fn=g["detection_collate"])
    seen = 0
    for images, targets in loader:
        assert images.shape == (len(targets), 3, 32, 32) and isinstance(targets, list)
        for image, target in zip(images, targets):
            expected_image, expected_target = dataset[seen]
            assert torch.equal(image, expected_image)
            assert torch.equal(target["boxes"], expected_target["boxes"])
            assert torch.equal(target["labels"], expected_target["labels"])
            boxes = target["boxes"]
            assert (boxes[:, 2:] > boxes[:, :2]).all() and boxes.min() >= 0 and boxes.max() <= 32
            seen += 1
    assert seen == 7
    counts = {len(dataset[i][1]["labels"]) for i in range(7)}
    if len(counts) > 1:  # with different object counts the default collate must fail
        with pytest.raises(RuntimeError):
            default_collate([dataset[i] for i in range(7)])


def test_masked_keypoint_loss_matches_numpy_and_ignores_unlabelled_points():
    g = snippet("pose_batch")
    coords, weights = g["coords"].double(), g["weights"].double()
    rng = np.random.default_rng(0)
    for _ in range(20):
        predicted = coords + torch.tensor(rng.normal(size=coords.shape))
        squared = ((predicted.numpy() - coords.numpy()) ** 2).sum(axis=2)
        by_hand = (squared * weights.numpy()).sum() / weights.numpy().sum()
        loss = g["masked_keypoint_loss"](predicted)
        assert abs(loss.item() - by_hand) < 1e-10
        moved = predicted.clone()
        moved[weights == 0] += torch.tensor(rng.normal(scale=50.0, size=(int((weights == 0).sum()), 2)))
        assert abs(g["masked_keypoint_loss"](moved).item() - loss.item()) < 1e-10


def test_heatmap_peaks_sit_on_the_keypoints():
    g = snippet("pose_batch")
    heatmaps, centres, weights = g["heatmaps"], g["centres"], g["weights"]
    size = g["heatmap_size"]
    peak = heatmaps.flatten(2).argmax(dim=2)
    peak_xy = torch.stack([peak % size, peak // size], dim=2).float()
    labelled = weights.bool()
    assert ((peak_xy[labelled] - centres[labelled]).abs() <= 0.5 + 1e-6).all()  # the nearest cell
    assert (heatmaps[~labelled] == 0).all()


@pytest.mark.parametrize("extra", [1, 3, 10])
def test_vqa_answer_does_not_depend_on_padding(extra):
    g = snippet("vqa_batch")
    ids, mask, images = g["question_ids"], g["attention_mask"], g["images"]
    assert mask.sum(dim=1).tolist() == [len(q.split()) for q in g["questions"]]
    assert (ids[~mask] == g["PAD"]).all()
    longer = F.pad(ids, (0, extra), value=g["PAD"])
    with torch.no_grad():
        assert torch.allclose(g["answer_logits"](images, longer, longer != g["PAD"]), g["logits"], atol=1e-6)


def test_language_model_loss_counts_only_real_next_tokens():
    g = snippet("text_batch")
    logits, targets = g["logits"].detach().double().numpy(), g["targets"].numpy()
    real = targets != -100
    n, t = np.nonzero(real)
    by_hand = -log_softmax_numpy(logits, axis=2)[n, t, targets[real]].mean()
    assert abs(g["loss"].item() - by_hand) < 1e-5  # the snippet's loss is float32
    # The targets are the inputs shifted by one position.
    token_ids = g["token_ids"]
    assert torch.equal(g["inputs"].cpu(), token_ids[:, :-1])
    assert torch.equal(g["targets"].cpu()[real], token_ids[:, 1:][torch.tensor(real)])


def test_time_series_windows_are_slices_of_the_series():
    g = snippet("time_series_batch")
    series, inputs, targets, window = g["series"], g["inputs"], g["targets"], g["window"]
    assert len(inputs) == len(series) - window
    for i in range(len(inputs)):
        assert torch.equal(inputs[i], series[i : i + window])
        assert torch.equal(targets[i, 0], series[i + window])


# --- from arrays to mini-batches --------------------------------------------------------------------------


class FixedPermutation:
    """Stands in for a NumPy Generator and returns a given permutation."""

    def __init__(self, order):
        self.order = np.asarray(order)

    def permutation(self, n):
        assert n == len(self.order)
        return self.order


@pytest.mark.parametrize("n, batch_size", [(10, 4), (12, 4), (7, 3), (5, 8), (1, 1)])
@pytest.mark.parametrize("drop_last", [False, True])
@pytest.mark.parametrize("shuffle", [False, True])
def test_numpy_batches_equal_dataloader_batches(n, batch_size, drop_last, shuffle):
    iterate = snippet("batches_numpy")["iterate_minibatches"]
    dataset_class = snippet("batches_torch")["ArrayDataset"]
    rng = np.random.default_rng(n)
    features, labels = rng.normal(size=(n, 3)), rng.integers(0, 3, size=n)
    order = torch.randperm(n, generator=torch.Generator().manual_seed(n)).tolist() if shuffle else list(range(n))
    by_hand = list(iterate(features, labels, batch_size, shuffle, drop_last, FixedPermutation(order)))
    loader = DataLoader(dataset_class(features, labels), batch_size=batch_size, sampler=order, drop_last=drop_last)
    by_torch = list(loader)
    assert len(by_hand) == len(by_torch) == len(loader)
    for (x_hand, y_hand), (x_torch, y_torch) in zip(by_hand, by_torch):
        assert np.allclose(x_hand, x_torch.numpy(), atol=1e-6)  # the data set stores float32
        assert np.array_equal(y_hand, y_torch.numpy())


def test_number_of_batches_is_ceil_or_floor():
    iterate = snippet("batches_numpy")["iterate_minibatches"]
    rng = np.random.default_rng(0)
    for n in range(1, 30):
        features, labels = np.zeros((n, 2)), np.zeros(n)
        for batch_size in range(1, 9):
            kept = len(list(iterate(features, labels, batch_size, True, False, rng)))
            dropped = len(list(iterate(features, labels, batch_size, True, True, rng)))
            assert kept == math.ceil(n / batch_size) == len(DataLoader(range(n), batch_size=batch_size))
            assert dropped == n // batch_size == len(DataLoader(range(n), batch_size=batch_size, drop_last=True))


def test_seeded_loader_orders_are_reproducible_permutations():
    orders = snippet("seeded_shuffle")["orders"]
    for seed in range(5):
        first, again = orders(True, seed), orders(True, seed)
        assert first == again
        assert all(sorted(epoch) == list(range(8)) for epoch in first)
    assert orders(True, 0) != orders(True, 1)


def test_pad_collate_mask_matches_lengths():
    g = snippet("ex_pad_collate")
    dataset = g["SentenceDataset"]()
    token_ids, lengths, labels = g["pad_collate"]([dataset[i] for i in range(len(dataset))])
    assert token_ids.shape == (4, 5) and lengths.tolist() == [3, 2, 5, 1]
    for row, length, (sequence, _) in zip(token_ids, lengths, [dataset[i] for i in range(4)]):
        assert torch.equal(row[:length], sequence) and (row[length:] == g["PAD"]).all()


# --- handwritten digits -----------------------------------------------------------------------------------


def test_split_is_a_stratified_partition():
    g = snippet("digits_split")
    labels, parts = g["labels"], [g["train"], g["valid"], g["test"]]
    assert sorted(np.concatenate(parts).tolist()) == list(range(len(labels)))  # disjoint and complete
    overall = np.bincount(labels) / len(labels)
    for part in parts:
        assert np.abs(np.bincount(labels[part], minlength=10) - overall * len(part)).max() <= 1


def test_standardizer_matches_scikit_learn_and_uses_training_data_only():
    from sklearn.preprocessing import StandardScaler

    g = snippet("digits_standardize")
    features, train = g["features"], g["train"]
    mean, std = g["fit_standardizer"](features[train].copy())
    scaler = StandardScaler().fit(features[train])
    assert np.array_equal(g["mean"], mean) and np.array_equal(g["std"], std)  # the page fits on training rows
    for part in [g["train"], g["valid"], g["test"]]:
        assert np.allclose(g["standardize"](features[part], mean, std), scaler.transform(features[part]), atol=1e-12)
    # Changing the test images must not change the statistics.
    changed = features.copy()
    changed[g["test"]] += 5.0
    again_mean, again_std = g["fit_standardizer"](changed[train].copy())
    assert np.array_equal(mean, again_mean) and np.array_equal(std, again_std)


def test_random_crop_is_a_shift_with_zero_fill():
    g = snippet("digits_augment")
    images = g["images"].double()
    for seed in range(5):
        padding = 1 + seed % 2
        cropped = g["random_crop"](images, padding, torch.Generator().manual_seed(seed))
        offsets = torch.randint(0, 2 * padding + 1, (len(images), 2), generator=torch.Generator().manual_seed(seed))
        for image, result, (y, x) in zip(images.numpy(), cropped.numpy(), offsets.tolist()):
            padded = np.pad(image, [(0, 0), (padding, padding), (padding, padding)])
            assert np.array_equal(result, padded[:, y : y + 8, x : x + 8])


def test_flip_and_noise():
    g = snippet("digits_augment")
    images = g["images"]
    assert torch.equal(g["horizontal_flip"](images)[..., 0], images[..., -1])  # the left column was the right one
    assert torch.equal(g["horizontal_flip"](g["horizontal_flip"](images)), images)
    middle = torch.full((200, 1, 8, 8), 0.5)  # far from the clamp at 0 and 1
    noisy = g["add_noise"](middle, 0.05, torch.Generator().manual_seed(0))
    assert abs((noisy - middle).std().item() - 0.05) < 0.002 and abs((noisy - middle).mean().item()) < 0.002


# --- pitfalls ---------------------------------------------------------------------------------------------


def test_training_statistics_make_each_prediction_independent_of_its_batch():
    g = snippet("pitfall_test_statistics")
    predict, images = g["predict"], g["test_images"]
    mean, std = g["train_mean"], g["train_std"]
    whole = predict(images, mean, std)
    order = np.random.default_rng(0).permutation(len(images))
    in_pieces = np.empty_like(whole)
    for piece in np.array_split(order, 7):
        in_pieces[piece] = predict(images[piece], mean, std)
    assert np.array_equal(whole, in_pieces)
    # With each batch's own statistics the same images get other answers.
    own = np.empty_like(whole)
    for piece in np.array_split(order, 7):
        batch = images[piece]
        own[piece] = predict(batch, batch.mean(axis=0), batch.std(axis=0) + 1e-8)
    assert not np.array_equal(whole, own)


def test_permute_keeps_pixels_and_reshape_does_not():
    rng = np.random.default_rng(0)
    nhwc = torch.tensor(rng.normal(size=(3, 5, 4, 3)))
    nchw = nhwc.permute(0, 3, 1, 2)
    assert torch.equal(nchw, torch.tensor(np.transpose(nhwc.numpy(), (0, 3, 1, 2))))
    assert not torch.equal(nhwc.reshape(3, 3, 5, 4), nchw)


def test_mismatched_regression_shapes_compare_every_pair():
    import warnings

    rng = np.random.default_rng(0)
    targets = rng.normal(size=6)
    predictions = rng.normal(size=(6, 1))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        broadcast = F.mse_loss(torch.tensor(predictions), torch.tensor(targets)).item()
    assert abs(broadcast - ((predictions - targets[None, :]) ** 2).mean()) < 1e-12
    right = F.mse_loss(torch.tensor(predictions), torch.tensor(targets).view(-1, 1)).item()
    assert abs(right - ((predictions[:, 0] - targets) ** 2).mean()) < 1e-12
