import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

keypoint_names = ["head", "neck", "left_hand", "right_hand", "hip", "left_foot", "right_foot"]  # K = 7
skeleton = [(0, 1), (1, 2), (1, 3), (1, 4), (4, 5), (4, 6)]  # pairs of keypoints joined by a bone
batch_size, image_size, heatmap_size = 3, 64, 16
num_keypoints = len(keypoint_names)

# A standing figure in [0, 1] coordinates, shifted and scaled per image, then jittered.
template = torch.tensor([[0.5, 0.15], [0.5, 0.3], [0.3, 0.45], [0.7, 0.45], [0.5, 0.6], [0.4, 0.9], [0.6, 0.9]])
shift = 0.1 * (torch.rand(batch_size, 1, 2) - 0.5)
xy = (template + shift + 0.02 * torch.randn(batch_size, num_keypoints, 2)) * image_size  # N x K x 2 in pixels

# COCO's visibility flag: 0 = not labelled, 1 = labelled but hidden, 2 = labelled and visible.
visibility = torch.full((batch_size, num_keypoints), 2)
visibility[0, 3] = 1  # image 0: the right hand is behind the body
visibility[2, 5] = 0  # image 2: the left foot is outside the picture, no label
xy[visibility == 0] = 0.0  # unlabelled points carry no coordinates
keypoints = torch.cat([xy, visibility[..., None].float()], dim=2).to(device)  # N x K x 3: (x, y, v)
images = torch.rand(batch_size, 3, image_size, image_size).to(device)  # N x 3 x H x W

# Target 1, coordinate regression: (x, y) and a weight that switches unlabelled points off.
coords = keypoints[..., :2]  # N x K x 2
weights = (keypoints[..., 2] > 0).float()  # N x K


def masked_keypoint_loss(predicted: torch.Tensor) -> torch.Tensor:
    """Mean squared distance over the labelled keypoints only."""
    squared_distance = ((predicted - coords) ** 2).sum(dim=2)  # N x K
    return (squared_distance * weights).sum() / weights.sum()


# Target 2, heatmaps: one Gaussian blob per keypoint on a coarse grid, zero where unlabelled.
grid = torch.arange(heatmap_size, device=device, dtype=torch.float32)
centres = coords * heatmap_size / image_size  # N x K x 2 in heatmap cells
dx2 = (grid.view(1, 1, 1, -1) - centres[..., 0, None, None]) ** 2  # N x K x 1 x W'
dy2 = (grid.view(1, 1, -1, 1) - centres[..., 1, None, None]) ** 2  # N x K x H' x 1
heatmaps = torch.exp(-(dx2 + dy2) / (2 * 1.0**2)) * weights[..., None, None]  # N x K x H' x W'

for name, tensor in [("images", images), ("keypoints", keypoints), ("weights", weights), ("heatmaps", heatmaps)]:
    print(f"{name:9s} {str(tuple(tensor.shape)):16s} {tensor.dtype}")
print(f"labelled keypoints per image: {weights.sum(dim=1).int().tolist()}")

predicted = coords + torch.randn(coords.shape).to(device)  # a pretend prediction, about 1 pixel off
print(f"masked keypoint loss = {masked_keypoint_loss(predicted).item():.4f}")

assert keypoints.shape == (batch_size, num_keypoints, 3) and keypoints.dtype == torch.float32
assert heatmaps.shape == (batch_size, num_keypoints, heatmap_size, heatmap_size)
# Moving an unlabelled point anywhere must not change the loss.
moved = predicted.clone()
moved[2, 5] += 100.0
assert torch.allclose(masked_keypoint_loss(moved), masked_keypoint_loss(predicted))
# The brightest heatmap cell sits at the keypoint's cell.
peak = heatmaps.flatten(2).argmax(dim=2)  # N x K, flat index into H' x W'
peak_xy = torch.stack([peak % heatmap_size, peak // heatmap_size], dim=2).float()
labelled = weights.bool()
assert (peak_xy[labelled] - centres[labelled].round()).abs().max() <= 1
assert heatmaps[2, 5].max() == 0
