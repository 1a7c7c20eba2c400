"""Generic contracts, run over every augmenter in the catalogue (tests/augmenters/cases/)."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage
from tests.augmenters.cases import Case, all_cases

CASES = all_cases()
IDS = [case.test_id for case in CASES]


def make_images(case: Case, dtype: str = "uint8", n: int = 3, seed: int = 0) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    shape = (case.min_size, case.min_size + 8, case.channels)
    dt = np.dtype(dtype)
    images = []
    for _ in range(n):
        if dt.kind == "b":
            img = rng.random(shape) > 0.5
        elif dt.kind == "f":
            img = rng.random(shape).astype(dt)
        else:
            info = np.iinfo(dt)
            low, high = max(info.min, -1000), min(info.max, 1000)
            if dt == np.uint8:
                low, high = 0, 255
            img = rng.integers(low, high, size=shape, endpoint=True).astype(dt)
        # some structure so that filters and geometric ops change the image visibly
        img[shape[0] // 4: shape[0] // 2, shape[1] // 4: shape[1] // 2] = img.max()
        images.append(img)
    return images


def outputs_equal(a, b) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.array_equal(np.asarray(a), np.asarray(b))
    return len(a) == len(b) and all(
        x.shape == y.shape and np.array_equal(x, y) for x, y in zip(a, b)
    )


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_input_not_mutated(case: Case) -> None:
    images = make_images(case)
    before = [img.copy() for img in images]
    case.build(seed=1)(images=images)
    assert outputs_equal(images, before)
    array = np.stack(make_images(case))
    array_before = array.copy()
    case.build(seed=1)(images=array)
    assert np.array_equal(array, array_before)


@pytest.mark.parametrize(
    ("case", "dtype"),
    [(case, dt) for case in CASES for dt in case.dtypes],
    ids=[f"{case.test_id}-{dt}" for case in CASES for dt in case.dtypes],
)
def test_dtype_kept(case: Case, dtype: str) -> None:
    images = make_images(case, dtype)
    out = case.build(seed=2)(images=images)
    assert len(out) == len(images)
    for img in out:
        assert img.dtype == np.dtype(dtype)
        assert img.ndim == 3
        if np.dtype(dtype).kind == "f":
            assert np.isfinite(img).all()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_same_seed_same_output(case: Case) -> None:
    images = make_images(case)
    out1 = case.build(seed=7)(images=images)
    out2 = case.build(seed=7)(images=images)
    assert outputs_equal(out1, out2)


@pytest.mark.parametrize("case", [c for c in CASES if c.stochastic],
                         ids=[c.test_id for c in CASES if c.stochastic])
def test_different_seeds_differ(case: Case) -> None:
    images = make_images(case, n=4)
    reference = case.build(seed=0)(images=images)
    assert any(
        not outputs_equal(reference, case.build(seed=s)(images=images)) for s in range(1, 8)
    ), "seven other seeds all gave the same output as seed 0"


@pytest.mark.parametrize("case", [c for c in CASES if c.identity_kwargs is not None],
                         ids=[c.test_id for c in CASES if c.identity_kwargs is not None])
def test_identity_arguments_leave_input_unchanged(case: Case) -> None:
    images = make_images(case)
    aug = case.build(seed=3, **case.identity_kwargs) if not case.kwargs else case.cls(
        seed=3, **copy.deepcopy(case.identity_kwargs))
    assert outputs_equal(aug(images=images), images)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_deterministic_replays_draws(case: Case) -> None:
    images = make_images(case)
    det = case.build(seed=4).to_deterministic()
    assert outputs_equal(det(images=images), det(images=images))


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_keyed_batch_equals_single_rows(case: Case) -> None:
    """Keyed mode: a row's output depends only on (seed, key), not on its batch."""
    images = make_images(case, n=5)
    keys = [f"img-{i}.png" for i in range(len(images))]
    aug = case.build(seed=5)
    batch_out = aug.augment_keyed(keys, seed=11, images=images)
    for i in (4, 0, 2):
        single = aug.augment_keyed([keys[i]], seed=11, images=[images[i]])
        assert outputs_equal(single, [batch_out[i]])
    reordered = aug.augment_keyed(keys[::-1], seed=11, images=images[::-1])
    assert outputs_equal(reordered[::-1], batch_out)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_pickle_round_trip(case: Case) -> None:
    images = make_images(case)
    aug = case.build(seed=6)
    restored = pickle.loads(pickle.dumps(aug))
    assert type(restored) is type(aug)
    assert outputs_equal(aug(images=images), restored(images=images))


def _dot_scene(case: Case, rng: np.random.Generator):
    height, width = case.min_size * 2, case.min_size * 2 + 16
    image = np.zeros((height, width, case.channels), dtype=np.uint8)
    y = int(rng.integers(height // 3, 2 * height // 3))
    x = int(rng.integers(width // 3, 2 * width // 3))
    image[y - 2: y + 3, x - 2: x + 3] = 255
    kps = KeypointsOnImage.from_xy_array(np.array([[x + 0.5, y + 0.5]], dtype=np.float32),
                                         shape=image.shape)
    heat = np.zeros((height, width), dtype=np.float32)
    heat[y - 2: y + 3, x - 2: x + 3] = 1.0
    segmap = np.zeros((height, width), dtype=np.int32)
    segmap[y - 2: y + 3, x - 2: x + 3] = 1
    return (image, kps, HeatmapsOnImage(heat, shape=image.shape),
            SegmentationMapsOnImage(segmap, shape=image.shape))


@pytest.mark.parametrize("case", [c for c in CASES if c.geometry == "moves"],
                         ids=[c.test_id for c in CASES if c.geometry == "moves"])
def test_annotations_move_with_pixels(case: Case) -> None:
    rng = np.random.default_rng(0)
    checked = 0
    for seed in range(6):
        image, kps, heat, segmap = _dot_scene(case, rng)
        aug = case.build(seed=seed)
        img_aug, kps_aug, heat_aug, seg_aug = aug(
            image=image, keypoints=kps, heatmaps=heat, segmentation_maps=segmap)
        kp = kps_aug.keypoints[0]
        h, w = img_aug.shape[:2]
        assert kps_aug.shape[:2] == (h, w)
        tol = int(np.ceil(case.tolerance))
        if not (tol <= kp.x < w - tol and tol <= kp.y < h - tol):
            continue
        xi, yi = int(np.floor(kp.x)), int(np.floor(kp.y))
        window = img_aug[yi - tol: yi + tol + 1, xi - tol: xi + tol + 1]
        assert window.max() >= 128, f"keypoint at {(kp.x, kp.y)} is not on the bright dot"
        heat_arr = heat_aug.get_arr()
        seg_arr = seg_aug.get_arr()
        hy, hx = (np.array([yi, xi]) * np.array(heat_arr.shape[:2]) / (h, w)).astype(int)
        sy, sx = (np.array([yi, xi]) * np.array(seg_arr.shape[:2]) / (h, w)).astype(int)
        assert heat_arr[max(hy - tol - 1, 0): hy + tol + 2,
                        max(hx - tol - 1, 0): hx + tol + 2].max() > 0.3
        assert seg_arr[max(sy - tol - 1, 0): sy + tol + 2,
                       max(sx - tol - 1, 0): sx + tol + 2].max() == 1
        checked += 1
    assert checked >= 3, "too few keypoints stayed inside the image to check alignment"


@pytest.mark.parametrize("case", [c for c in CASES if c.geometry == "none"],
                         ids=[c.test_id for c in CASES if c.geometry == "none"])
def test_pixel_only_augmenters_leave_annotations_alone(case: Case) -> None:
    image, kps, heat, segmap = _dot_scene(case, np.random.default_rng(1))
    _, kps_aug, heat_aug, seg_aug = case.build(seed=1)(
        image=image, keypoints=kps, heatmaps=heat, segmentation_maps=segmap)
    assert np.allclose(kps_aug.to_xy_array(), kps.to_xy_array())
    assert np.allclose(heat_aug.get_arr(), heat.get_arr())
    assert np.array_equal(seg_aug.get_arr(), segmap.get_arr())


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_bad_inputs_raise_clear_errors(case: Case) -> None:
    aug = case.build(seed=0)
    for bad_ndim in ((8,), (1, 2, 8, 8, 3)):
        with pytest.raises(ValueError, match="images"):
            aug(images=np.zeros(bad_ndim, dtype=np.uint8))
    with pytest.raises((TypeError, ValueError), match="dtype"):
        aug(images=np.zeros((1, 8, 8, 3), dtype=object))
    if "float32" in case.dtypes or "float64" in case.dtypes:
        bad = np.zeros((1, 16, 16, case.channels), dtype=np.float32)
        bad[0, 3, 3, 0] = np.nan
        with pytest.raises(ValueError, match="NaN"):
            aug(images=bad)
    image = make_images(case, n=1)[0]
    kps = KeypointsOnImage.from_xy_array(np.array([[1.0, 1.0]]), shape=(5, 5, 3))
    with pytest.raises(ValueError, match="keypoints"):
        aug(images=[image], keypoints=[kps])
    with pytest.raises(ValueError):
        aug()


def test_every_public_augmenter_has_a_contract_case() -> None:
    covered = {case.cls for case in CASES}
    public = {
        obj for name, obj in vars(iaa).items()
        if isinstance(obj, type) and issubclass(obj, iaa.Augmenter) and obj is not iaa.Augmenter
        and not name.startswith("_")
    }
    missing = sorted(cls.__name__ for cls in public - covered)
    assert not missing, f"augmenters without a contract Case: {missing}"
