"""Image <-> bytes for the Parquet image column: raw bytes, PNG or JPEG (OpenCV codecs)."""

from __future__ import annotations

import cv2
import numpy as np

ENCODINGS = ("png", "jpeg", "raw")


def encode_image(image: np.ndarray, encoding: str = "png", jpeg_quality: int = 95) -> bytes:
    """Encode an ``(H, W)`` or ``(H, W, C)`` image. PNG keeps uint8/uint16 exactly; JPEG needs
    uint8 with 1 or 3 channels; raw keeps any dtype (shape and dtype are stored beside it)."""
    if encoding == "raw":
        return np.ascontiguousarray(image).tobytes()
    if encoding not in ENCODINGS:
        raise ValueError(f"encoding must be one of {ENCODINGS}, got {encoding!r}")
    if encoding == "png" and image.dtype not in (np.uint8, np.uint16):
        raise ValueError(f"png encoding needs uint8 or uint16 images, got {image.dtype}; "
                         "use encoding='raw'")
    if encoding == "jpeg" and (image.dtype != np.uint8 or
                               (image.ndim == 3 and image.shape[2] not in (1, 3))):
        raise ValueError(f"jpeg encoding needs uint8 images with 1 or 3 channels, got "
                         f"{image.dtype} {image.shape}; use encoding='png' or 'raw'")
    bgr = image
    if image.ndim == 3 and image.shape[2] == 3:
        bgr = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    elif image.ndim == 3 and image.shape[2] == 4:
        bgr = cv2.cvtColor(image, cv2.COLOR_RGBA2BGRA)
    if encoding == "png":
        ok, buf = cv2.imencode(".png", bgr, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    else:
        ok, buf = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, int(jpeg_quality)])
    if not ok:
        raise ValueError(f"OpenCV could not encode an image of shape {image.shape} as {encoding}")
    return buf.tobytes()


def decode_image(data: bytes, encoding: str, shape: tuple[int, ...], dtype: str) -> np.ndarray:
    """Inverse of :func:`encode_image` (``shape``/``dtype`` are the stored columns)."""
    if encoding == "raw":
        return np.frombuffer(data, dtype=np.dtype(dtype)).reshape(shape).copy()
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown image encoding {encoding!r}")
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_UNCHANGED)
    if image is None:
        raise ValueError("could not decode a stored image")
    if image.ndim == 3 and image.shape[2] == 3:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
    elif image.ndim == 3 and image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2RGBA)
    return image.reshape(shape)
