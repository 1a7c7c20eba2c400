"""Pipeline specs: round trips for every catalogue augmenter, strict errors, frozen old specs."""

from __future__ import annotations

import json
import pickle
import warnings
from pathlib import Path

import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2 import parameters as iap
from imgaug2 import serialization
from imgaug2.serialization.spec import PickleFallbackWarning
from tests.augmenters.cases import all_cases

SPECS = Path(__file__).parent / "specs"
CASES = [c for c in all_cases() if c.cls not in (iaa.Lambda, iaa.AssertLambda)]


def _images() -> list[np.ndarray]:
    rng = np.random.default_rng(0)
    return [rng.integers(0, 256, (40, 48, 3), dtype=np.uint8) for _ in range(3)]


@pytest.mark.parametrize("case", CASES, ids=[c.test_id for c in CASES])
def test_round_trip_rebuilds_an_equivalent_augmenter(case) -> None:
    aug = case.build(seed=3)
    spec = serialization.to_spec(aug)
    text = json.dumps(spec)                      # plain JSON
    rebuilt = serialization.from_spec(json.loads(text))
    assert type(rebuilt) is type(aug)
    assert serialization.to_spec(rebuilt) == spec
    images = _images()
    keys = ["a", "b", "c"]
    expected = aug.augment_keyed(keys, seed=1, images=images)
    got = rebuilt.augment_keyed(keys, seed=1, images=images)
    assert all(np.array_equal(x, y) for x, y in zip(expected, got))


def test_tuple_list_and_parameters_are_explicit() -> None:
    aug = iaa.Sequential([iaa.Affine(rotate=(-20, 20), scale=[0.5, 1.0]),
                          iaa.Add(iap.Uniform(-5, 5))])
    spec = aug.to_spec()
    affine = spec["pipeline"]["args"]["children"]["list"][0]["args"]
    assert affine["rotate"] == {"tuple": [-20, 20]}
    assert affine["scale"] == {"list": [0.5, 1.0]}
    add = spec["pipeline"]["args"]["children"]["list"][1]["args"]
    assert add["value"]["param"] == "Uniform"
    rebuilt = iaa.Augmenter.from_spec(spec)
    assert isinstance(rebuilt[0].rotate, iap.StochasticParameter)
    assert isinstance(rebuilt[1].value, iap.Uniform)


def test_yaml_and_json_files(tmp_path: Path) -> None:
    aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.GaussianBlur((0, 1.0))])
    for name in ("p.json", "p.yaml", "p.yml"):
        spec = serialization.save(aug, tmp_path / name)
        assert serialization.load(tmp_path / name).to_spec() == spec


@pytest.mark.parametrize(("spec", "message"), [
    ({"pipeline": {"type": "Fliplr", "args": {}}}, "imgaug2_spec"),
    ({"imgaug2_spec": 99, "pipeline": {"type": "Fliplr", "args": {}}}, "version"),
    ({"imgaug2_spec": 1, "pipeline": {"type": "Flipper", "args": {}}}, "Flipper"),
    ({"imgaug2_spec": 1, "pipeline": {"type": "Fliplr", "args": {"prob": 0.5}}}, "prob"),
    ({"imgaug2_spec": 1, "pipeline": {"type": "Affine", "args": {"rotate": [-5, 5]}}},
     "ambiguous"),
    ({"imgaug2_spec": 1, "pipeline": {"type": "Affine", "args": {"rotate": {"range": [1]}}}},
     "range"),
    ({"imgaug2_spec": 1, "pipeline": {"type": "Add", "args": {"value": {
        "param": "Nope", "args": {}}}}}, "Nope"),
    ({"imgaug2_spec": 1, "pipeline": {"type": "Fliplr", "args": {}}, "extra": 1}, "extra"),
    ({"imgaug2_spec": 1, "pipeline": {"type": "Fliplr", "args": {"p": 2.0}}}, "Fliplr"),
])
def test_bad_specs_name_the_key(spec, message) -> None:
    with pytest.raises(serialization.SpecError, match=message):
        serialization.from_spec(spec)


def _double(images, random_state, parents, hooks):
    return images


def test_lambda_falls_back_to_pickle_with_a_warning() -> None:
    aug = iaa.Sequential([iaa.Lambda(func_images=_double)])
    with pytest.warns(PickleFallbackWarning):
        spec = aug.to_spec()
    with pytest.raises(serialization.SpecError, match="allow_pickle"):
        serialization.from_spec(spec)
    rebuilt = serialization.from_spec(spec, allow_pickle=True)
    assert isinstance(rebuilt[0], iaa.Lambda)


def test_user_subclass_falls_back_to_pickle() -> None:
    class MyAug(iaa.Identity):
        pass

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        spec = iaa.Sequential([MyAug()]).to_spec()
    assert any(issubclass(w.category, PickleFallbackWarning) for w in caught)
    assert "pickled" in spec["pipeline"]["args"]["children"]["list"][0]


def test_spec_hash_is_stable_and_sensitive() -> None:
    a = iaa.Sequential([iaa.Fliplr(0.5)]).to_spec()
    b = json.loads(json.dumps(a))
    assert serialization.spec_hash(a) == serialization.spec_hash(b)
    c = iaa.Sequential([iaa.Fliplr(0.4)]).to_spec()
    assert serialization.spec_hash(a) != serialization.spec_hash(c)


def test_live_children_are_serialised_after_removal() -> None:
    aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.Flipud(0.5, name="drop")])
    aug.remove_augmenters_(lambda a, parents: a.name == "drop")
    rebuilt = serialization.from_spec(aug.to_spec())
    assert [type(c).__name__ for c in rebuilt] == ["Fliplr"]


def test_pickling_keeps_the_spec() -> None:
    aug = iaa.Affine(rotate=(-3, 3))
    assert pickle.loads(pickle.dumps(aug)).to_spec() == aug.to_spec()


@pytest.mark.parametrize("path", sorted(SPECS.glob("*.json")), ids=lambda p: p.name)
def test_frozen_specs_keep_loading(path: Path) -> None:
    """Specs written by earlier releases must load and keep their meaning."""
    frozen = json.loads(path.read_text())
    aug = serialization.from_spec(frozen["spec"])
    images = [np.full((16, 20, 3), 100, dtype=np.uint8)]
    out = aug.augment_keyed(["k"], seed=0, images=images)[0]
    assert out.shape == tuple(frozen["expected_shape"])
