"""Meta augmenters: containers that run other augmenters, and general-purpose helpers.

Classes: Augmenter (base), Sequential, SomeOf, OneOf, Sometimes, WithChannels, Identity, Noop,
Lambda, AssertLambda, AssertShape, ChannelShuffle, RemoveCBAsByOutOfImageFraction,
ClipCBAsToImagePlanes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from imgaug2 import parameters as iap
from imgaug2 import random as iarandom
from imgaug2.augmentables.batches import Batch, UnnormalizedBatch  # noqa: F401 - imgaug's meta.*
from imgaug2.augmenters._augmenter import Augmenter
from imgaug2.augmenters._meta_helpers import (
    clip_augmented_image,
    clip_augmented_image_,
    clip_augmented_images,
    clip_augmented_images_,
    copy_arrays,
    estimate_max_number_of_channels,
    handle_children_list,
    invert_reduce_to_nonempty,
    reduce_to_nonempty,
    shuffle_channels,
)

__all__ = [
    "Augmenter",
    "Sequential",
    "SomeOf",
    "OneOf",
    "Sometimes",
    "WithChannels",
    "Identity",
    "Noop",
    "Lambda",
    "AssertLambda",
    "AssertShape",
    "ChannelShuffle",
    "RemoveCBAsByOutOfImageFraction",
    "ClipCBAsToImagePlanes",
    "clip_augmented_image",
    "clip_augmented_image_",
    "clip_augmented_images",
    "clip_augmented_images_",
    "copy_arrays",
    "estimate_max_number_of_channels",
    "handle_children_list",
    "invert_reduce_to_nonempty",
    "reduce_to_nonempty",
    "shuffle_channels",
]


class _AugmenterList(Augmenter, list):
    """Shared behaviour of containers that are themselves the list of their children."""

    def _init_children(self, children: Any) -> None:
        list.__init__(self, [] if children is None else _as_augmenter_list(children, "children"))

    def add(self, augmenter: Augmenter) -> None:
        """Append an augmenter."""
        self.append(_as_augmenter_list([augmenter], "augmenter")[0])

    def get_children_lists(self) -> list:
        return [self]

    def __eq__(self, other: object) -> bool:
        return self is other

    __hash__ = object.__hash__


class Sequential(_AugmenterList):
    """Apply child augmenters one after another (optionally in a random order per batch/row).

    Supports all data types and annotation types that its children support.
    """

    def __init__(self, children: Any = None, random_order: bool = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        Augmenter.__init__(self, seed=seed, name=name, random_state=random_state,
                           deterministic=deterministic)
        self._init_children(children)
        if not isinstance(random_order, (bool, np.bool_)):
            raise TypeError(f"random_order must be a bool, got {type(random_order).__name__}")
        self.random_order = bool(random_order)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        with batch.propagation_hooks_ctx(self, hooks, parents):
            order = random_state.permutation(len(self)) if self.random_order else range(len(self))
            for index in order:
                batch = self[index].augment_batch_(batch, parents=parents + [self], hooks=hooks)
        return batch

    def get_parameters(self) -> list:
        return [self.random_order]

    def __repr__(self) -> str:
        children = ", ".join(repr(child) for child in self)
        return (
            f"Sequential(name={self.name}, random_order={self.random_order}, "
            f"children=[{children}], deterministic={self.deterministic})"
        )

    __str__ = __repr__


class SomeOf(_AugmenterList):
    """Apply a random subset of the child augmenters to each image.

    ``n``: how many children per image: int (exact), (a, b) tuple (uniform, b=None means all),
    list (choice), StochasticParameter, or None (all children).
    """

    def __init__(self, n: Any = None, children: Any = None, random_order: bool = False,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        Augmenter.__init__(self, seed=seed, name=name, random_state=random_state,
                           deterministic=deterministic)
        self._init_children(children)
        self.n, self.n_mode = self._handle_n(n)
        self.random_order = bool(random_order)

    @staticmethod
    def _handle_n(n: Any) -> tuple[Any, str]:
        if n is None:
            return None, "None"
        if isinstance(n, (bool, np.bool_)):
            raise TypeError("n must be an int, tuple, list, StochasticParameter or None, got bool")
        if isinstance(n, (int, np.integer)):
            if n < 0:
                raise ValueError(f"n must be >= 0, got {n}")
            return iap.Deterministic(int(n)), "deterministic"
        if isinstance(n, tuple):
            if len(n) != 2:
                raise ValueError(f"n as a tuple must have two entries (a, b), got {n!r}")
            low, high = n
            if not isinstance(low, (int, np.integer)) or low < 0:
                raise ValueError(f"n[0] must be an int >= 0, got {low!r}")
            if high is None:
                return (int(low), None), "(int,None)"
            if not isinstance(high, (int, np.integer)) or high < low:
                raise ValueError(f"n[1] must be None or an int >= n[0], got {high!r}")
            return iap.DiscreteUniform(int(low), int(high)), "stochastic"
        if isinstance(n, list):
            if not n or not all(isinstance(v, (int, np.integer)) and v >= 0 for v in n):
                raise ValueError(f"n as a list must hold ints >= 0, got {n!r}")
            return iap.Choice(n), "stochastic"
        if isinstance(n, iap.StochasticParameter):
            return n, "stochastic"
        raise TypeError(
            f"n must be an int, tuple, list, StochasticParameter or None, got {type(n).__name__}"
        )

    def _sample_counts(self, nb_rows: int, random_state: iarandom.RNG) -> np.ndarray:
        if self.n_mode == "None":
            return np.full((nb_rows,), len(self), dtype=np.int64)
        if self.n_mode == "(int,None)":
            low = self.n[0]
            counts = random_state.integers(low, max(low, len(self)), size=(nb_rows,),
                                           endpoint=True)
        else:
            counts = self.n.draw_samples((nb_rows,), random_state=random_state)
        return np.clip(np.asarray(counts, dtype=np.int64), 0, len(self))

    def _get_augmenter_active(self, nb_rows: int, random_state: iarandom.RNG) -> np.ndarray:
        """Boolean matrix (rows, children): which child is applied to which row."""
        counts = self._sample_counts(nb_rows, random_state)
        active = np.zeros((nb_rows, len(self)), dtype=bool)
        for row, count in enumerate(counts):
            active[row, random_state.choice(len(self), size=int(count), replace=False)] = True
        return active

    def _augment_batch_(self, batch, random_state, parents, hooks):
        with batch.propagation_hooks_ctx(self, hooks, parents):
            if len(self) == 0:
                return batch
            active = self._get_augmenter_active(batch.nb_rows, random_state)
            order = random_state.permutation(len(self)) if self.random_order else range(len(self))
            for index in order:
                rows = np.flatnonzero(active[:, index])
                if rows.size == 0:
                    continue
                if rows.size == batch.nb_rows:
                    batch = self[index].augment_batch_(batch, parents=parents + [self],
                                                       hooks=hooks)
                    continue
                sub = batch.subselect_rows_by_indices(rows)
                sub = self[index].augment_batch_(sub, parents=parents + [self], hooks=hooks)
                batch = batch.invert_subselect_rows_by_indices_(rows, sub)
        return batch

    def get_parameters(self) -> list:
        return [self.n, self.random_order]

    def __repr__(self) -> str:
        children = ", ".join(repr(child) for child in self)
        return (
            f"{type(self).__name__}(name={self.name}, n={self.n}, random_order="
            f"{self.random_order}, children=[{children}], deterministic={self.deterministic})"
        )

    __str__ = __repr__


class OneOf(SomeOf):
    """Apply exactly one randomly chosen child augmenter to each image."""

    def __init__(self, children: Any, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(n=1, children=children, random_order=False, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


class Sometimes(Augmenter):
    """Apply ``then_list`` to a random fraction ``p`` of images and ``else_list`` to the rest."""

    def __init__(self, p: Any = 0.5, then_list: Any = None, else_list: Any = None,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.p = iap.handle_probability_param(p, "p")
        self.then_list = handle_children_list(then_list, self.name, "then")
        self.else_list = handle_children_list(else_list, self.name, "else")

    def _augment_batch_(self, batch, random_state, parents, hooks):
        with batch.propagation_hooks_ctx(self, hooks, parents):
            samples = np.asarray(self.p.draw_samples((batch.nb_rows,), random_state=random_state))
            mask = samples > 0.5
            for branch, rows in ((self.then_list, np.flatnonzero(mask)),
                                 (self.else_list, np.flatnonzero(~mask))):
                if rows.size == 0 or len(branch) == 0:
                    continue
                if rows.size == batch.nb_rows:
                    batch = branch.augment_batch_(batch, parents=parents + [self], hooks=hooks)
                    continue
                sub = batch.subselect_rows_by_indices(rows)
                sub = branch.augment_batch_(sub, parents=parents + [self], hooks=hooks)
                batch = batch.invert_subselect_rows_by_indices_(rows, sub)
        return batch

    def get_parameters(self) -> list:
        return [self.p]

    def get_children_lists(self) -> list:
        return [self.then_list, self.else_list]

    def __repr__(self) -> str:
        return (
            f"Sometimes(p={self.p}, name={self.name}, then_list={self.then_list}, "
            f"else_list={self.else_list}, deterministic={self.deterministic})"
        )

    __str__ = __repr__


class WithChannels(Augmenter):
    """Apply child augmenters to a subset of the image channels only.

    ``channels``: None or ``ia.ALL`` (all channels), an int, or a list of channel indices.
    Annotations are augmented by the children as usual, so they stay aligned.
    """

    def __init__(self, channels: Any = None, children: Any = None, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if channels is None or channels == "ALL":
            self.channels = None
        elif isinstance(channels, (int, np.integer)) and not isinstance(channels, bool):
            self.channels = [int(channels)]
        elif isinstance(channels, (list, tuple)) and all(
            isinstance(c, (int, np.integer)) and not isinstance(c, bool) for c in channels
        ):
            self.channels = [int(c) for c in channels]
        else:
            raise TypeError(
                f"channels must be None, ia.ALL, an int or a list of ints, got {channels!r}"
            )
        self.children = handle_children_list(children, self.name, "then")

    def _augment_batch_(self, batch, random_state, parents, hooks):
        with batch.propagation_hooks_ctx(self, hooks, parents):
            if self.channels is not None and len(self.channels) == 0:
                return batch
            if self.channels is None or batch.images is None:
                return self.children.augment_batch_(batch, parents=parents + [self], hooks=hooks)
            images = batch.images
            for i, image in enumerate(images):
                bad = [c for c in self.channels if not -image.shape[2] <= c < image.shape[2]]
                if bad:
                    raise ValueError(
                        f"WithChannels: channel indices {bad} are out of range for images[{i}] "
                        f"with {image.shape[2]} channels"
                    )
            batch.images = [np.ascontiguousarray(image[..., self.channels]) for image in images]
            batch = self.children.augment_batch_(batch, parents=parents + [self], hooks=hooks)
            merged = []
            for image, image_aug in zip(images, batch.images):
                if image_aug.shape[0:2] != image.shape[0:2]:
                    raise ValueError(
                        "WithChannels: children changed the image size from "
                        f"{image.shape[0:2]} to {image_aug.shape[0:2]}; they must keep it"
                    )
                out = image.copy()
                out[..., self.channels] = image_aug
                merged.append(out)
            batch.images = np.stack(merged) if isinstance(images, np.ndarray) else merged
        return batch

    def get_parameters(self) -> list:
        return [self.channels]

    def get_children_lists(self) -> list:
        return [self.children]

    def __repr__(self) -> str:
        return (
            f"WithChannels(channels={self.channels}, name={self.name}, children={self.children}, "
            f"deterministic={self.deterministic})"
        )

    __str__ = __repr__


class Identity(Augmenter):
    """Return the input unchanged. All dtypes and annotation types."""

    def _augment_batch_(self, batch, random_state, parents, hooks):
        return batch


class Noop(Identity):
    """Alias of :class:`Identity` (imgaug's old name)."""


_KEYPOINTS = "keypoints"


class Lambda(Augmenter):
    """Apply user functions ``func_<column>(values, random_state, parents, hooks)``.

    ``func_bounding_boxes``, ``func_polygons`` and ``func_line_strings`` default to
    ``"keypoints"``: they are augmented through ``func_keypoints`` (if given) as point sets.
    Note: a Lambda cannot be serialised to a declarative spec (it falls back to pickle).
    """

    _copy_free = False  # user functions may write into their input

    def __init__(self, func_images: Callable | None = None,
                 func_heatmaps: Callable | None = None,
                 func_segmentation_maps: Callable | None = None,
                 func_keypoints: Callable | None = None,
                 func_bounding_boxes: Callable | str | None = _KEYPOINTS,
                 func_polygons: Callable | str | None = _KEYPOINTS,
                 func_line_strings: Callable | str | None = _KEYPOINTS,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        funcs = {
            "images": func_images,
            "heatmaps": func_heatmaps,
            "segmentation_maps": func_segmentation_maps,
            "keypoints": func_keypoints,
            "bounding_boxes": func_bounding_boxes,
            "polygons": func_polygons,
            "line_strings": func_line_strings,
        }
        for column, func in funcs.items():
            if func is None or callable(func):
                continue
            if func == _KEYPOINTS and column in ("bounding_boxes", "polygons", "line_strings"):
                continue
            raise TypeError(f"func_{column} must be callable or None, got {func!r}")
        self.func_images = func_images
        self.func_heatmaps = func_heatmaps
        self.func_segmentation_maps = func_segmentation_maps
        self.func_keypoints = func_keypoints
        self.func_bounding_boxes = func_bounding_boxes
        self.func_polygons = func_polygons
        self.func_line_strings = func_line_strings

    def _call(self, func, values, random_state, parents, hooks):
        if func is None:
            return values
        return func(values, random_state, parents, hooks)

    def _augment_images(self, images, random_state, parents, hooks):
        return self._call(self.func_images, images, random_state, parents, hooks)

    def _augment_heatmaps(self, heatmaps, random_state, parents, hooks):
        return self._call(self.func_heatmaps, heatmaps, random_state, parents, hooks)

    def _augment_segmentation_maps(self, segmaps, random_state, parents, hooks):
        return self._call(self.func_segmentation_maps, segmaps, random_state, parents, hooks)

    def _augment_keypoints(self, keypoints_on_images, random_state, parents, hooks):
        return self._call(self.func_keypoints, keypoints_on_images, random_state, parents, hooks)

    def _augment_cba_column(self, func, cbaois, random_state, parents, hooks):
        if func == _KEYPOINTS:
            if self.func_keypoints is None:
                return cbaois
            return self._augment_cbaois_as_keypoints(cbaois, random_state, parents, hooks)
        return self._call(func, cbaois, random_state, parents, hooks)

    def _augment_bounding_boxes(self, bounding_boxes_on_images, random_state, parents, hooks):
        return self._augment_cba_column(self.func_bounding_boxes, bounding_boxes_on_images,
                                        random_state, parents, hooks)

    def _augment_polygons(self, polygons_on_images, random_state, parents, hooks):
        return self._augment_cba_column(self.func_polygons, polygons_on_images, random_state,
                                        parents, hooks)

    def _augment_line_strings(self, line_strings_on_images, random_state, parents, hooks):
        return self._augment_cba_column(self.func_line_strings, line_strings_on_images,
                                        random_state, parents, hooks)

    def get_parameters(self) -> list:
        return [self.func_images, self.func_heatmaps, self.func_segmentation_maps,
                self.func_keypoints, self.func_bounding_boxes, self.func_polygons,
                self.func_line_strings]


class AssertLambda(Lambda):
    """Raise AssertionError when ``func_<column>(values, random_state, parents, hooks)`` is False.

    Data passes through unchanged.
    """

    def __init__(self, func_images: Callable | None = None,
                 func_heatmaps: Callable | None = None,
                 func_segmentation_maps: Callable | None = None,
                 func_keypoints: Callable | None = None,
                 func_bounding_boxes: Callable | None = None,
                 func_polygons: Callable | None = None,
                 func_line_strings: Callable | None = None,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(func_images, func_heatmaps, func_segmentation_maps, func_keypoints,
                         func_bounding_boxes, func_polygons, func_line_strings, seed=seed,
                         name=name, random_state=random_state, deterministic=deterministic)

    def _call(self, func, values, random_state, parents, hooks):
        if func is not None and not func(values, random_state, parents, hooks):
            raise AssertionError(f"{self.name}: input did not pass {func!r}")
        return values

    def _augment_cba_column(self, func, cbaois, random_state, parents, hooks):
        return self._call(func, cbaois, random_state, parents, hooks)


def _check_dim(value: int, expected: Any, what: str) -> None:
    if expected is None:
        return
    if isinstance(expected, (int, np.integer)):
        ok = value == expected
    elif isinstance(expected, tuple) and len(expected) == 2:
        low, high = expected
        ok = (low is None or value >= low) and (high is None or value < high)
    elif isinstance(expected, list):
        ok = value in expected
    else:
        raise TypeError(f"AssertShape: invalid expectation {expected!r} for {what}")
    if not ok:
        raise AssertionError(f"AssertShape: {what} is {value}, expected {expected!r}")


class AssertShape(Lambda):
    """Raise AssertionError when inputs don't have the expected shape.

    ``shape`` is ``(N, H, W, C)``; each entry may be None (any), an int, a tuple ``(a, b)``
    (``a <= v < b``) or a list of allowed values. Annotations are checked against
    ``(H, W, C)`` of their image shape.
    """

    _copy_free = True  # its checks only read

    def __init__(self, shape: Sequence[Any], check_images: bool = True,
                 check_heatmaps: bool = True, check_segmentation_maps: bool = True,
                 check_keypoints: bool = True, check_bounding_boxes: bool = True,
                 check_polygons: bool = True, check_line_strings: bool = True,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        if not isinstance(shape, tuple) or len(shape) != 4:
            raise ValueError(f"shape must be a tuple of 4 entries (N, H, W, C), got {shape!r}")
        self.shape = shape
        super().__init__(
            func_images=self._check_images if check_images else None,
            func_heatmaps=self._check_items if check_heatmaps else None,
            func_segmentation_maps=self._check_items if check_segmentation_maps else None,
            func_keypoints=self._check_items if check_keypoints else None,
            func_bounding_boxes=self._check_items if check_bounding_boxes else None,
            func_polygons=self._check_items if check_polygons else None,
            func_line_strings=self._check_items if check_line_strings else None,
            seed=seed, name=name, random_state=random_state, deterministic=deterministic)

    def _check_images(self, images, *_):
        nb_images = images.shape[0] if isinstance(images, np.ndarray) else len(images)
        _check_dim(nb_images, self.shape[0], "number of images")
        for image in images:
            self._check_item_shape(image.shape, "image")
        return True

    def _check_items(self, items, *_):
        _check_dim(len(items), self.shape[0], "number of annotation rows")
        for item in items:
            self._check_item_shape(item.shape, type(item).__name__)
        return True

    def _check_item_shape(self, item_shape: tuple, what: str) -> None:
        _check_dim(item_shape[0], self.shape[1], f"{what} height")
        _check_dim(item_shape[1], self.shape[2], f"{what} width")
        channels = item_shape[2] if len(item_shape) > 2 else None
        if channels is not None:
            _check_dim(channels, self.shape[3], f"{what} channels")

    def _call(self, func, values, random_state, parents, hooks):
        if func is not None:
            func(values, random_state, parents, hooks)
        return values

    def _augment_cba_column(self, func, cbaois, random_state, parents, hooks):
        return self._call(func, cbaois, random_state, parents, hooks)

    def get_parameters(self) -> list:
        return [self.shape]


class ChannelShuffle(Augmenter):
    """Randomly shuffle image channels (with probability ``p`` per image).

    ``channels``: None/``ia.ALL`` (all) or a list of channel indices to shuffle among.
    All dtypes. Annotations are not changed.
    """

    def __init__(self, p: Any = 1.0, channels: Any = None, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.p = iap.handle_probability_param(p, "p")
        if not (channels is None or channels == "ALL" or (
                isinstance(channels, list) and all(isinstance(c, (int, np.integer))
                                                   for c in channels))):
            raise TypeError(f"channels must be None, ia.ALL or a list of ints, got {channels!r}")
        self.channels = None if channels == "ALL" else channels

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        nb_images = len(batch.images)
        p_samples = np.asarray(self.p.draw_samples((nb_images,), random_state=random_state))
        rngs = random_state.derive_rngs_(nb_images)
        images = batch.writable_images()
        for i in range(nb_images):
            if p_samples[i] > 0.5 and images[i].shape[2] > 1:
                images[i] = shuffle_channels(images[i], rngs[i], self.channels)
        batch.images = images
        return batch

    def get_parameters(self) -> list:
        return [self.p, self.channels]


class RemoveCBAsByOutOfImageFraction(Augmenter):
    """Remove boxes, polygons and line strings whose out-of-image fraction is >= ``fraction``.

    Images, heatmaps, segmentation maps and keypoints pass through unchanged.
    """

    def __init__(self, fraction: float, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if not isinstance(fraction, (int, float, np.number)) or not 0.0 <= fraction <= 1.0:
            raise ValueError(f"fraction must be a number in [0.0, 1.0], got {fraction!r}")
        self.fraction = float(fraction)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        for column in ("bounding_boxes", "polygons", "line_strings"):
            value = getattr(batch, column)
            if value is not None:
                setattr(batch, column,
                        [cbaoi.remove_out_of_image_fraction_(self.fraction) for cbaoi in value])
        return batch

    def get_parameters(self) -> list:
        return [self.fraction]


class ClipCBAsToImagePlanes(Augmenter):
    """Clip boxes, polygons and line strings to the image plane (parts outside are cut off)."""

    def _augment_batch_(self, batch, random_state, parents, hooks):
        for column in ("bounding_boxes", "polygons", "line_strings"):
            value = getattr(batch, column)
            if value is not None:
                setattr(batch, column, [cbaoi.clip_out_of_image_() for cbaoi in value])
        return batch


def _as_augmenter_list(children: Any, name: str) -> list[Augmenter]:
    if isinstance(children, Augmenter):
        return [children]
    if not isinstance(children, (list, tuple)):
        raise TypeError(
            f"{name} must be an augmenter or a list of augmenters, got {type(children).__name__}"
        )
    for i, child in enumerate(children):
        if not isinstance(child, Augmenter):
            raise TypeError(f"{name}[{i}] must be an Augmenter, got {type(child).__name__}")
    return list(children)
