import math
import random


class Value:
    """A number that remembers how it was computed, so that backward() can apply the chain rule."""

    def __init__(self, data, parents=(), local_grads=()):
        self.data = data
        self.grad = 0.0
        self.parents = parents  # the nodes this one was computed from
        self.local_grads = local_grads  # d(self)/d(parent), one per parent

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0))

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other), (other.data, self.data))

    def tanh(self):
        t = math.tanh(self.data)
        return Value(t, (self,), (1 - t**2,))

    def exp(self):
        e = math.exp(self.data)
        return Value(e, (self,), (e,))

    def log(self):
        return Value(math.log(self.data), (self,), (1 / self.data,))

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-other)

    __radd__ = __add__
    __rmul__ = __mul__

    def backward(self):
        """Visit the graph once, from this node back to the leaves; return how many nodes that was."""
        order, seen = [], set()

        def visit(node):  # every node after all the nodes it was computed from
            if id(node) not in seen:
                seen.add(id(node))
                for parent in node.parents:
                    visit(parent)
                order.append(node)

        visit(self)
        self.grad = 1.0
        for node in reversed(order):
            for parent, local_grad in zip(node.parents, node.local_grads):
                parent.grad += local_grad * node.grad  # += : a node used twice gets both contributions
        return len(order)


# 1. The neuron worked by hand above: the engine finds the same three gradients.
x, w, b = Value(1.5), Value(0.8), Value(-0.2)
error = (w * x + b).tanh() - 0.5
loss = error * error
loss.backward()
print(f"neuron: L = {loss.data:.4f}, dL/dw = {w.grad:.4f}, dL/db = {b.grad:.4f}, dL/dx = {x.grad:.4f}")

# 2. A tiny classifier: 2 inputs -> 3 tanh units -> 1 score, logistic loss log(1 + exp(-y * score)).
random.seed(0)
points = [(-1.0, -1.0, -1), (-1.0, 1.0, 1), (1.0, -1.0, 1), (1.0, 1.0, -1), (0.5, 0.5, -1), (-0.5, 0.5, 1)]
hidden = [[Value(random.uniform(-1, 1)) for _ in range(3)] for _ in range(3)]  # 2 weights + bias per unit
output = [Value(random.uniform(-1, 1)) for _ in range(4)]  # 3 weights + bias
parameters = [p for unit in hidden for p in unit] + output


def score(x1, x2):
    h = [(unit[0] * x1 + unit[1] * x2 + unit[2]).tanh() for unit in hidden]
    return sum((v * hi for v, hi in zip(output, h)), output[3])


learning_rate = 1.0
for step in range(61):
    scores = [score(x1, x2) for x1, x2, _ in points]
    loss = sum(((-y * s).exp() + 1).log() for s, (_, _, y) in zip(scores, points)) * (1 / len(points))
    for p in parameters:
        p.grad = 0.0  # the engine accumulates, so clear first (zero_grad)
    n_nodes = loss.backward()
    for p in parameters:
        p.data -= learning_rate * p.grad
    if step % 20 == 0:
        correct = sum((s.data > 0) == (y > 0) for s, (_, _, y) in zip(scores, points))
        print(f"step {step:2d}: loss {loss.data:.4f}, {correct}/{len(points)} points right")

# 3. One backward pass gave all the gradients; central differences need two forward passes per parameter.
print(f"{len(parameters)} parameters, {n_nodes} nodes in the graph of one loss")
print(f"reverse mode:        1 forward + 1 backward pass, {2 * n_nodes} node visits")
print(f"central differences: {2 * len(parameters)} forward passes, {2 * len(parameters) * n_nodes} node visits")
assert correct == len(points)
