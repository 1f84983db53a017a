import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset, default_collate

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

class_names = {1: "red", 2: "blue"}  # index 0 is kept for "background" by most detectors


class ToyDetectionDataset(Dataset):
    """Images with one to three rectangles; the target lists each rectangle's box and class."""

    def __init__(self, num_images: int = 8, image_size: int = 32, seed: int = 0):
        rng = np.random.default_rng(seed)
        self.samples = []
        for _ in range(num_images):
            image = np.zeros((3, image_size, image_size), dtype=np.float32)  # C x H x W
            boxes, labels = [], []
            for _ in range(rng.integers(1, 4)):  # a different number of objects per image
                w, h = rng.integers(6, 14, size=2)
                x1, y1 = rng.integers(0, image_size - w), rng.integers(0, image_size - h)
                label = int(rng.integers(1, 3))
                image[0 if label == 1 else 2, y1 : y1 + h, x1 : x1 + w] = 1.0  # red or blue channel
                boxes.append([x1, y1, x1 + w, y1 + h])  # xyxy: left, top, right, bottom in pixels
                labels.append(label)
            self.samples.append((image, np.array(boxes, dtype=np.float32), np.array(labels, dtype=np.int64)))

    def __len__(self) -> int:
        return len(self.samples)

    def __getitem__(self, index: int):
        image, boxes, labels = self.samples[index]
        return torch.from_numpy(image), {"boxes": torch.from_numpy(boxes), "labels": torch.from_numpy(labels)}


def detection_collate(batch):
    """Stack the images (all the same size); keep the targets as a list, one dict per image."""
    images, targets = zip(*batch)
    return torch.stack(images), list(targets)


def box_iou(boxes_a: torch.Tensor, boxes_b: torch.Tensor) -> torch.Tensor:
    """IoU of matched pairs of xyxy boxes: M x 4 and M x 4 -> M."""
    top_left = torch.maximum(boxes_a[:, :2], boxes_b[:, :2])
    bottom_right = torch.minimum(boxes_a[:, 2:], boxes_b[:, 2:])
    intersection = (bottom_right - top_left).clamp(min=0).prod(dim=1)
    area_a = (boxes_a[:, 2:] - boxes_a[:, :2]).prod(dim=1)
    area_b = (boxes_b[:, 2:] - boxes_b[:, :2]).prod(dim=1)
    return intersection / (area_a + area_b - intersection)


dataset = ToyDetectionDataset()
loader = DataLoader(dataset, batch_size=4, shuffle=False, collate_fn=detection_collate, num_workers=0)
images, targets = next(iter(loader))
images = images.to(device)  # N x 3 x H x W
targets = [{key: value.to(device) for key, value in target.items()} for target in targets]

print(f"images {tuple(images.shape)} {images.dtype}")
for i, target in enumerate(targets):
    names = [class_names[label] for label in target["labels"].tolist()]
    print(f"image {i}: boxes {tuple(target['boxes'].shape)} {target['boxes'].dtype}, labels {names}")

# The default collate_fn tries to stack the boxes too, and the counts differ.
try:
    default_collate([dataset[i] for i in range(4)])
except RuntimeError as error:
    print(f"default_collate fails: {error}")
else:
    raise AssertionError("default_collate should not stack boxes of different counts")

# Losses see all objects of the batch at once: concatenate, and remember each box's image.
all_boxes = torch.cat([t["boxes"] for t in targets])  # M x 4, M = objects in the batch
all_labels = torch.cat([t["labels"] for t in targets])  # M
image_index = torch.cat([torch.full((len(t["labels"]),), i, device=device) for i, t in enumerate(targets)])
predicted_boxes = all_boxes + torch.randn(all_boxes.shape).to(device)  # a pretend prediction, matched one-to-one
print(f"all boxes {tuple(all_boxes.shape)}, image of each box {image_index.tolist()}")
print(
    f"L1 box loss = {F.l1_loss(predicted_boxes, all_boxes).item():.4f}, "
    f"mean IoU = {box_iou(predicted_boxes, all_boxes).mean().item():.4f}"
)

assert images.shape == (4, 3, 32, 32) and images.dtype == torch.float32
for image, target in zip(images, targets):
    boxes, labels = target["boxes"], target["labels"]
    assert boxes.dtype == torch.float32 and boxes.shape == (len(labels), 4) and labels.dtype == torch.int64
    assert (boxes[:, 2:] > boxes[:, :2]).all() and boxes.min() >= 0 and boxes.max() <= 32  # well-formed xyxy
    for (x1, y1, x2, y2), label in zip(boxes.int().tolist(), labels.tolist()):
        assert image[0 if label == 1 else 2, y1:y2, x1:x2].min() == 1  # the box covers painted pixels
assert len(all_labels) == len(image_index) == sum(len(t["labels"]) for t in targets)
assert torch.allclose(box_iou(all_boxes, all_boxes), torch.ones(len(all_boxes), device=device))
