import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

answer_vocabulary = ["no", "yes", "one", "two", "three", "brown", "blue"]  # A = 7
# Ten people answered each question; they do not always agree.
human_answers = [
    ["brown"] * 7 + ["blue"] * 3,
    ["two"] * 9 + ["three"],
    ["yes"] * 2 + ["no"] * 8,
]

# VQA's soft score: an answer given by 3 or more of the 10 people counts fully, fewer count in part.
soft_targets = torch.zeros(len(human_answers), len(answer_vocabulary))  # N x A
for i, answers in enumerate(human_answers):
    for answer in set(answers):
        soft_targets[i, answer_vocabulary.index(answer)] = min(answers.count(answer) / 3, 1.0)
soft_targets = soft_targets.to(device)
logits = torch.randn(len(human_answers), len(answer_vocabulary)).to(device)  # N x A

loss = F.binary_cross_entropy_with_logits(logits, soft_targets)  # a score per answer, as in VQA models
print(f"soft targets {tuple(soft_targets.shape)} {soft_targets.dtype}:")
for answers, row in zip(human_answers, soft_targets.tolist()):
    scores = {name: round(score, 2) for name, score in zip(answer_vocabulary, row) if score > 0}
    print(f"  {scores}")
print(f"binary cross-entropy with soft targets = {loss.item():.4f}")

assert torch.allclose(soft_targets[0, answer_vocabulary.index("blue")], torch.tensor(1.0, device=device))
assert torch.allclose(soft_targets[2, answer_vocabulary.index("yes")], torch.tensor(2 / 3, device=device))
assert soft_targets.max() <= 1.0 and soft_targets.dtype == torch.float32
