import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

keypoint_names = ["head", "neck", "left_hand", "right_hand", "hip", "left_foot", "right_foot"]
# Where each keypoint goes under a mirror: left and right swap, the middle stays.
flip_index = [
    keypoint_names.index(name.replace("left", "@").replace("right", "left").replace("@", "right"))
    for name in keypoint_names
]
width = 64
image = torch.rand(3, 64, width).to(device)  # C x H x W
# A figure waving its left hand (on the image's right: the person faces us); the right hand is hidden.
keypoints = torch.tensor(
    [[30.0, 10, 2], [30, 20, 2], [48, 8, 2], [16, 34, 1], [30, 40, 2], [24, 60, 2], [38, 58, 2]]
).to(device)  # K x 3: (x, y, visibility)


def horizontal_flip(image: torch.Tensor, keypoints: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Mirror the image, move every x to width - x, and swap the names of left and right keypoints."""
    flipped = keypoints.clone()
    flipped[:, 0] = width - keypoints[:, 0]  # pixel-edge coordinates: x in [0, width]
    return image.flip(dims=[2]), flipped[flip_index]  # the point that was "right" is now the left one


flipped_image, flipped_keypoints = horizontal_flip(image, keypoints)
print(f"flip_index {flip_index}")
for name, before, after in zip(keypoint_names, keypoints.tolist(), flipped_keypoints.tolist()):
    print(f"{name:10s} {before} -> {after}")

# Without the swap, the waving hand would still be called "left_hand" after the mirror, and the label would lie.
assert flipped_keypoints[keypoint_names.index("left_hand")].tolist() == [64 - 16, 34, 1]  # the old right hand
assert flipped_keypoints[keypoint_names.index("right_hand")].tolist() == [64 - 48, 8, 2]  # the old left hand
double_image, double_keypoints = horizontal_flip(flipped_image, flipped_keypoints)
assert torch.equal(double_image, image) and torch.equal(double_keypoints, keypoints)  # flipping twice undoes it
