"""CNNs for 28x28 characters.

HandprintNet is ours: VGG-style conv blocks with batch norm, dropout before a small dense head.
The two legacy architectures reproduce the student project's Keras models for `npm run compare`.
"""
import torch
from torch import nn

MEAN, STD = 0.17, 0.33  # ink fraction statistics of EMNIST-style images; normalisation lives in the model


def _conv(cin: int, cout: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class HandprintNet(nn.Module):
    """width: channels of the first stage (doubled in each later one); depth: 3x3 convs in the second and third
    stages (the first has one). The default, width 32 and depth 2, is the bundled model's shape."""

    def __init__(self, num_classes: int, width: int = 32, depth: int = 2, dropout: float = 0.3):
        super().__init__()
        if depth < 1:
            raise ValueError(f"depth must be at least 1, not {depth}")
        w = width
        self.features = nn.Sequential(
            _conv(1, w), nn.MaxPool2d(2),                                                   # 14x14
            _conv(w, 2 * w), *(_conv(2 * w, 2 * w) for _ in range(depth - 1)), nn.MaxPool2d(2),  # 7x7
            _conv(2 * w, 4 * w), *(_conv(4 * w, 4 * w) for _ in range(depth - 1)), nn.MaxPool2d(2),  # 3x3
        )
        self.head = nn.Sequential(
            nn.Flatten(), nn.Dropout(dropout), nn.Linear(4 * w * 9, 256, bias=False), nn.BatchNorm1d(256),
            nn.ReLU(inplace=True), nn.Dropout(dropout), nn.Linear(256, num_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features((x - MEAN) / STD))


class LegacyDense(nn.Module):
    """The replaced system's fully connected network: 784-455-250-170-120-50, ReLU, dropout."""

    def __init__(self, num_classes: int):
        super().__init__()
        sizes, layers = [784, 455, 250, 170, 120, 50], [nn.Flatten()]
        for a, b in zip(sizes, sizes[1:], strict=False):
            layers += [nn.Linear(a, b), nn.ReLU(inplace=True), nn.Dropout(0.2)]
        self.net = nn.Sequential(*layers, nn.Linear(50, num_classes))

    def forward(self, x):
        return self.net(x)


class LegacyCNN(nn.Module):
    """The replaced system's CNN: one 3x3 conv (64, no activation), 2x2 max pool, dense 256, dropout 0.4, dense 50."""

    def __init__(self, num_classes: int):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 64, 3), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(64 * 13 * 13, 256), nn.ReLU(inplace=True),
            nn.Dropout(0.4), nn.Linear(256, 50), nn.ReLU(inplace=True), nn.Linear(50, num_classes),
        )

    def forward(self, x):
        return self.net(x)


ARCHITECTURES = {"handprint": HandprintNet, "legacy-dense": LegacyDense, "legacy-cnn": LegacyCNN}


class Probabilities(nn.Module):
    """What gets exported: image [N,1,28,28] in 0..1 (ink = 1) -> class probabilities."""

    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, image: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.model(image), dim=1)
