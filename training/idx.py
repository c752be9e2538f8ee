"""IDX file format (the MNIST/EMNIST container), gzipped or not."""
import gzip
import struct
from pathlib import Path

import numpy as np

_DTYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: np.dtype(">i2"), 0x0C: np.dtype(">i4"), 0x0D: np.dtype(">f4"), 0x0E: np.dtype(">f8")}
_CODES = {np.dtype(np.uint8): 0x08}


def _open(path, mode):
    path = str(path)
    return gzip.open(path, mode) if path.endswith(".gz") else open(path, mode)


def parse_idx(data: bytes, name: str = "<bytes>") -> np.ndarray:
    if len(data) < 4 or data[0] != 0 or data[1] != 0:
        raise ValueError(f"{name}: not an IDX file (bad magic number)")
    code, ndim = data[2], data[3]
    if code not in _DTYPES:
        raise ValueError(f"{name}: unknown IDX element type 0x{code:02x}")
    shape = struct.unpack(">" + "I" * ndim, data[4 : 4 + 4 * ndim])
    dtype = np.dtype(_DTYPES[code])
    expected = int(np.prod(shape)) * dtype.itemsize
    body = data[4 + 4 * ndim :]
    if len(body) != expected:
        raise ValueError(f"{name}: truncated IDX file ({len(body)} of {expected} bytes)")
    return np.frombuffer(body, dtype=dtype).reshape(shape).copy()


def read_idx(path) -> np.ndarray:
    with _open(path, "rb") as f:
        return parse_idx(f.read(), str(path))


def write_idx(path, array: np.ndarray) -> None:
    array = np.ascontiguousarray(array)
    if array.dtype not in _CODES:
        raise ValueError(f"write_idx supports uint8 only, got {array.dtype}")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    header = bytes([0, 0, _CODES[array.dtype], array.ndim]) + struct.pack(">" + "I" * array.ndim, *array.shape)
    tmp = f"{path}.tmp"
    with open(tmp, "wb") as raw:
        # No file name or time in the gzip header: the same data gives the same bytes (and checksums).
        f = gzip.GzipFile(filename="", mode="wb", compresslevel=6, fileobj=raw, mtime=0) if str(path).endswith(".gz") else raw
        with f:
            f.write(header)
            f.write(array.tobytes())
    Path(tmp).replace(path)
