"""Resize augmenter (and its deprecated alias Scale)."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels import size as K
from imgaug2.augmenters.meta import Augmenter
from imgaug2.augmenters.size import _common as C

_KEEP = "keep"
_KAR = "keep-aspect-ratio"


def _handle_size_value(size: Any, name: str) -> iap.StochasticParameter:
    """One size entry: "keep", number, (a, b), list or StochasticParameter."""
    if isinstance(size, str):
        if size == _KEEP:
            return iap.Deterministic(_KEEP)
        raise ValueError(f"{name} as a str must be 'keep', got {size!r}")
    if isinstance(size, iap.StochasticParameter):
        return size
    if C.is_number(size):
        if not size > 0:
            raise ValueError(f"{name} must be > 0, got {size}")
        return iap.Deterministic(size)
    if isinstance(size, tuple):
        if len(size) != 2 or not all(C.is_number(v) for v in size):
            raise ValueError(f"{name} as a tuple must be (a, b) of two numbers, got {size!r}")
        if not (size[0] > 0 and size[1] > 0):
            raise ValueError(f"{name} tuple values must be > 0, got {size!r}")
        if C.is_float(size[0]) or C.is_float(size[1]):
            return iap.Uniform(size[0], size[1])
        return iap.DiscreteUniform(int(size[0]), int(size[1]))
    if isinstance(size, list):
        if len(size) == 0:
            return iap.Deterministic(_KEEP)
        all_int = all(C.is_int(v) for v in size)
        all_float = all(C.is_float(v) for v in size)
        if not (all_int or all_float):
            raise ValueError(f"{name} as a list must hold only ints or only floats, got {size!r}")
        if not all(v > 0 for v in size):
            raise ValueError(f"{name} list values must be > 0, got {size!r}")
        return iap.Choice(list(size))
    raise TypeError(
        f"{name} must be 'keep', a number, a tuple (a, b), a list, a dict or a "
        f"StochasticParameter, got {type(size).__name__}")


def _handle_dict_entry(value: Any, name: str) -> iap.StochasticParameter:
    if isinstance(value, str) and value in (_KEEP, _KAR):
        return iap.Deterministic(value)
    if isinstance(value, dict):
        raise TypeError(f"{name} must not be a dict")
    return _handle_size_value(value, name)


def handle_size_arg(size: Any) -> tuple[Any, str]:
    """Normalise Resize's ``size``: a parameter or a (height/shorter, width/longer) pair."""
    if not isinstance(size, dict):
        return _handle_size_value(size, "size"), "HW"
    if len(size) == 0:
        return iap.Deterministic(_KEEP), "HW"
    keys = set(size)
    if keys <= {"height", "width"}:
        first, second, order = "height", "width", "HW"
    elif keys <= {"shorter-side", "longer-side"}:
        first, second, order = "shorter-side", "longer-side", "SL"
    else:
        raise ValueError(
            "size as a dict must have the keys 'height' and/or 'width', or 'shorter-side' "
            f"and/or 'longer-side', got {sorted(keys)}")
    val1, val2 = size.get(first, _KEEP), size.get(second, _KEEP)
    if val1 == _KAR and val2 == _KAR:
        raise ValueError("size: at most one side may be 'keep-aspect-ratio', got both")
    return (_handle_dict_entry(val1, f"size['{first}']"),
            _handle_dict_entry(val2, f"size['{second}']")), order


_PLAIN_TYPES = (int, float, str)


def _draw_interpolations(param: iap.StochasticParameter, nb_rows: int, random_state: Any
                         ) -> list:
    """``nb_rows`` validated interpolations (a constant is validated once)."""
    if type(param) is iap.Deterministic:
        value = param.value
        if type(value) not in _PLAIN_TYPES:
            value = param.draw_samples((1,), random_state=random_state)[0]
        return [C.check_interpolation_value(value, "interpolation")] * nb_rows
    return C.draw_interpolations(param, nb_rows, random_state, "interpolation")


class Resize(Augmenter):
    """Resize images (and all annotations) to given heights and widths.

    ``size``: ``"keep"``; an int (pixels) or float (fraction of the side); ``(a, b)`` (a
    discrete range for ints, continuous for floats); a list (choice; all ints or all floats);
    a StochasticParameter (one value per image, used for both sides); or a dict with the keys
    ``height``/``width`` or ``shorter-side``/``longer-side``, each taking the forms above,
    ``"keep"`` or ``"keep-aspect-ratio"``.

    ``interpolation``: ``ia.ALL``, ``nearest``/``linear``/``area``/``cubic`` or the cv2
    constants, a list of these (one per image), or a StochasticParameter. Heatmaps are resized
    with the image's interpolation, segmentation maps with nearest neighbour.

    Dtypes: those of :func:`imgaug2.imgaug.imresize_many_images`.
    Annotations: all (heatmaps/segmaps resized proportionally, coordinates projected).
    """

    def __init__(self, size: Any, interpolation: Any = "cubic", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.size, self.size_order = handle_size_arg(size)
        self.interpolation = C.handle_interpolation_param(interpolation, "interpolation")

    # -------------------------------------------------------------------------------------------
    def _draw_samples(self, nb_rows: int, random_state: Any) -> tuple[list, list, list]:
        if isinstance(self.size, tuple):
            samples_a = C.draw_python_values(self.size[0], nb_rows, random_state)
            samples_b = C.draw_python_values(self.size[1], nb_rows, random_state)
        else:
            samples_a = C.draw_python_values(self.size, nb_rows, random_state)
            samples_b = samples_a
        samples_ip = _draw_interpolations(self.interpolation, nb_rows, random_state)
        return samples_a, samples_b, samples_ip

    def _target_hw(self, shape: tuple, samples: tuple, i: int) -> tuple[int, int]:
        return K.resize_target_hw(shape, samples[0][i], samples[1][i], self.size_order)

    def _target_hws(self, shapes: list, samples: tuple) -> list[tuple[int, int]]:
        """Target sizes of all rows; computed once per distinct (shape, samples) combination."""
        samples_a, samples_b = samples[0], samples[1]
        if samples_a and samples_a.count(samples_a[0]) == len(samples_a) \
                and samples_b.count(samples_b[0]) == len(samples_b):
            # the same sizes for every row (e.g. a constant size): one target per shape
            by_shape = {shape: self._target_hw(shape, samples, 0) for shape in set(shapes)}
            return [by_shape[shape] for shape in shapes]
        cache: dict[tuple, tuple[int, int]] = {}
        targets = []
        for i, shape in enumerate(shapes):
            key = (shape, samples_a[i], samples_b[i])
            target = cache.get(key)
            if target is None:
                target = self._target_hw(shape, samples, i)
                cache[key] = target
            targets.append(target)
        return targets

    def _augment_batch_(self, batch, random_state, parents, hooks):
        samples = self._draw_samples(batch.nb_rows, random_state)
        if batch.images is not None:
            batch.images = self._resize_images(batch.images, samples)
        if batch.heatmaps is not None:
            batch.heatmaps = [
                self._resize_map(hm, hm.arr_0to1.shape, samples, i, samples[2][i])
                for i, hm in enumerate(batch.heatmaps)]
        if batch.segmentation_maps is not None:
            batch.segmentation_maps = [
                self._resize_map(sm, sm.arr.shape, samples, i, None)
                for i, sm in enumerate(batch.segmentation_maps)]

        def _kps(kpsois: list) -> list:
            result = []
            for i, kpsoi in enumerate(kpsois):
                h, w = self._target_hw(kpsoi.shape, samples, i)
                if (h, w) != tuple(kpsoi.shape[0:2]):
                    kpsoi = kpsoi.on_((h, w) + tuple(kpsoi.shape[2:]))
                result.append(kpsoi)
            return result

        C.apply_to_coordinates(batch, _kps)
        return batch

    def _resize_images(self, images: Any, samples: tuple) -> Any:
        targets = self._target_hws([image.shape for image in images], samples)
        interpolations = samples[2]
        if isinstance(images, np.ndarray) and len(set(targets)) == 1:
            if targets[0] == images.shape[1:3]:
                return images
            resized = C.resize_to_array(images, targets[0], interpolations)
            if resized is not None:
                return resized
        results = K.resize_images(images, targets, interpolations)
        if isinstance(images, list):
            # as C.finalize_images does for lists: rows left unchanged become contiguous
            return [np.ascontiguousarray(result) if result is image else result
                    for result, image in zip(results, images)]
        unchanged = [target == image.shape[0:2] for image, target in zip(images, targets)]
        return C.finalize_images(results, images, unchanged)

    def _resize_map(self, augmentable: Any, arr_shape: tuple, samples: tuple, i: int,
                    interpolation: Any) -> Any:
        img_shape = tuple(augmentable.shape)
        h_img, w_img = self._target_hw(img_shape, samples, i)
        if (h_img, w_img) == img_shape[0:2]:
            return augmentable
        h = max(int(np.round(h_img * (arr_shape[0] / img_shape[0]))), 1)
        w = max(int(np.round(w_img * (arr_shape[1] / img_shape[1]))), 1)
        if interpolation is None:
            resized = augmentable.resize((h, w))
        else:
            resized = augmentable.resize((h, w),
                                         interpolation=C.interpolation_name(interpolation))
        resized.shape = (h_img, w_img) + img_shape[2:]
        return resized

    def get_parameters(self) -> list:
        return [self.size, self.interpolation, self.size_order]


def Scale(*args: Any, **kwargs: Any) -> Resize:  # noqa: N802 - imgaug's public name
    """Deprecated alias of :class:`Resize` (same interface)."""
    from imgaug2 import imgaug as ia

    ia.warn_deprecated("Scale is deprecated; use Resize instead (it has exactly the same "
                       "interface).")
    return Resize(*args, **kwargs)
