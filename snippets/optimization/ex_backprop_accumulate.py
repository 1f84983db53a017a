import math


class Value:
    """The page's engine, cut down to + * tanh; `accumulate` picks += or = in backward."""

    def __init__(self, data, parents=(), local_grads=()):
        self.data, self.grad, self.parents, self.local_grads = data, 0.0, parents, local_grads

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0))

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other), (other.data, self.data))

    def tanh(self):
        t = math.tanh(self.data)
        return Value(t, (self,), (1 - t**2,))

    def backward(self, accumulate=True):
        order, seen = [], set()

        def visit(node):
            if id(node) not in seen:
                seen.add(id(node))
                for parent in node.parents:
                    visit(parent)
                order.append(node)

        visit(self)
        self.grad = 1.0
        for node in reversed(order):
            for parent, local_grad in zip(node.parents, node.local_grads):
                if accumulate:
                    parent.grad += local_grad * node.grad
                else:
                    parent.grad = local_grad * node.grad  # the bug: the last contribution wins


for accumulate in (True, False):
    x = Value(3.0)
    (x * x).backward(accumulate)  # d(x^2)/dx = 2x = 6
    w = Value(0.8)
    error = (w * 1.5 + (-0.2)).tanh() + (-0.5)
    (error * error).backward(accumulate)  # the neuron from the page: dL/dw = 0.3296
    print(f"{'+=' if accumulate else '= '}: d(x*x)/dx = {x.grad:.4f}, neuron dL/dw = {w.grad:.4f}")
    if accumulate:
        right = (x.grad, w.grad)
assert abs(x.grad - right[0] / 2) < 1e-12 and abs(w.grad - right[1] / 2) < 1e-12  # exactly half
