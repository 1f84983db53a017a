import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# A 12 x 16 mask with two objects: class 1 (rows 2..5, columns 3..8) and class 2 (rows 7..10, columns 10..14).
height, width = 12, 16
mask = torch.zeros(height, width, dtype=torch.int64)
mask[2:6, 3:9] = 1
mask[7:11, 10:15] = 2
mask = mask.to(device)


def boxes_from_mask(mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """One xyxy box (right and bottom are pixel edges) around the pixels of each class present."""
    labels = [k for k in mask.unique().tolist() if k != 0]
    boxes = []
    for k in labels:
        rows, cols = torch.nonzero(mask == k, as_tuple=True)
        boxes.append(torch.stack([cols.min(), rows.min(), cols.max() + 1, rows.max() + 1]).float())
    return torch.stack(boxes), torch.tensor(labels, device=mask.device)


def xyxy_to_cxcywh(boxes: torch.Tensor, width: int, height: int) -> torch.Tensor:
    """Centre, width and height, each divided by the image size (the YOLO format)."""
    x1, y1, x2, y2 = boxes.unbind(dim=1)
    return torch.stack([(x1 + x2) / 2 / width, (y1 + y2) / 2 / height, (x2 - x1) / width, (y2 - y1) / height], dim=1)


def cxcywh_to_xyxy(boxes: torch.Tensor, width: int, height: int) -> torch.Tensor:
    cx, cy, w, h = boxes.unbind(dim=1)
    return torch.stack(
        [(cx - w / 2) * width, (cy - h / 2) * height, (cx + w / 2) * width, (cy + h / 2) * height], dim=1
    )


boxes, labels = boxes_from_mask(mask)
normalized = xyxy_to_cxcywh(boxes, width, height)
print(f"labels {labels.tolist()}")
print(f"xyxy (pixels):         {boxes.tolist()}")
print(f"cx, cy, w, h (0 to 1): {[[round(v, 4) for v in box] for box in normalized.tolist()]}")

assert boxes.tolist() == [[3.0, 2.0, 9.0, 6.0], [10.0, 7.0, 15.0, 11.0]]
assert torch.allclose(cxcywh_to_xyxy(normalized, width, height), boxes)  # the round trip is exact
assert normalized.min() >= 0 and normalized.max() <= 1
