import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

teacher_logits = 3 * torch.randn(4, 5, device=device)  # (4 samples, 5 classes), e.g. from a larger model
teacher_probs = torch.softmax(teacher_logits, dim=1)  # rows of probabilities that sum to 1


def fit_student(target: torch.Tensor, steps: int = 200) -> tuple[float, torch.Tensor]:
    """Gradient descent on free student logits against a soft target; return the loss and the logits."""
    student_logits = torch.zeros(4, 5, device=device, requires_grad=True)
    optimizer = torch.optim.SGD([student_logits], lr=1.0)
    for _ in range(steps):
        loss = F.cross_entropy(student_logits, target)  # PyTorch does not check that the target is a distribution
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.item(), student_logits.detach()


wrong_loss, wrong_logits = fit_student(teacher_logits)  # the mistake: logits where probabilities belong
right_loss, right_logits = fit_student(teacher_probs)
print(f"target = teacher logits : loss {wrong_loss:9.2f}, largest |student logit| {wrong_logits.abs().max():7.1f}")
print(f"target = teacher probs  : loss {right_loss:9.2f}, largest |student logit| {right_logits.abs().max():7.1f}")
# Negative entries in the target reward pushing those probabilities to 0: the loss falls without end.
assert wrong_loss < -100 < 0 < right_loss
assert torch.allclose(torch.softmax(right_logits, dim=1), teacher_probs, atol=0.05)  # it approaches the teacher
