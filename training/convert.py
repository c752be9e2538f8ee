"""The EMNIST conversion (Cohen et al. 2017): from a large ink-on-black character image to 28x28.

Gaussian blur (sigma 1), crop to the ink, centre in a square keeping the aspect ratio,
2-pixel border, bicubic down to 28x28, rescale intensities to 0-255.
lib/image/normalise.ts implements the same steps for uploads.
"""
import numpy as np
from PIL import Image
from scipy.ndimage import gaussian_filter

from classsets import GEOMETRY

SIZE = GEOMETRY["height"]  # square: models/classsets.json
BORDER = 2
INK_THRESHOLD = 0.02  # fraction of full intensity that counts as ink after blurring


def emnist_convert(ink: np.ndarray) -> np.ndarray | None:
    """ink: 2-D float array, 0 = background, larger = more ink. Returns uint8 28x28, or None if blank."""
    img = gaussian_filter(ink.astype(np.float32), sigma=1.0)
    peak = float(img.max())
    if peak <= 0:
        return None
    rows = np.where(img.max(axis=1) > INK_THRESHOLD * peak)[0]
    cols = np.where(img.max(axis=0) > INK_THRESHOLD * peak)[0]
    if rows.size == 0:
        return None
    roi = img[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    h, w = roi.shape
    side = max(h, w) + 2 * BORDER
    square = np.zeros((side, side), np.float32)
    top, left = (side - h) // 2, (side - w) // 2
    square[top : top + h, left : left + w] = roi
    small = Image.fromarray(square, mode="F").resize((SIZE, SIZE), Image.BICUBIC)
    out = np.clip(np.asarray(small), 0, None)
    top_value = out.max()
    if top_value <= 0:
        return None
    return np.round(out * (255.0 / top_value)).astype(np.uint8)
