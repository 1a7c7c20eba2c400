"""imgaug2.data: bundled sample images and annotations, imgaug's quokka API."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

from imgaug2 import data


def _meta() -> dict:
    return json.loads((data.sample_dir() / "samples.json").read_text())


def test_sample_files_are_small_and_complete():
    root = data.sample_dir()
    pngs = sorted(p.name for p in root.glob("*.png"))
    assert pngs == [f"sample_{i}.png" for i in range(6)]
    total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    assert total < 600 * 1024
    for record in _meta()["images"]:
        assert (root / record["segmap"]).is_file()


def test_sample_images_load_as_rgb_uint8_copies():
    images = data.sample_images()
    meta = _meta()["images"]
    assert len(images) == len(meta) == 6
    assert len({im.shape for im in images}) >= 4
    for image, record in zip(images, meta):
        assert image.dtype == np.uint8 and image.shape == tuple(record["shape"])
        assert image.std() > 20  # a drawn scene, not a flat colour
        bgr = cv2.imread(str(data.sample_dir() / record["file"]))
        assert np.array_equal(image, bgr[..., ::-1])
    images[0][...] = 0
    assert data.sample_images()[0].any()
    assert data.sample_names() == [r["file"] for r in meta]
    assert data.sample_classes()[1] == "animal"


def test_sample_annotations_lie_on_their_images():
    images = data.sample_images()
    annotations = data.sample_annotations()
    nb_classes = len(data.sample_classes())
    for image, ann in zip(images, annotations):
        h, w = image.shape[0:2]
        kps, bbs, polys, segmap = (ann["keypoints"], ann["bounding_boxes"], ann["polygons"],
                                   ann["segmentation_maps"])
        for item in (kps, bbs, polys, segmap):
            assert tuple(item.shape) == image.shape
        assert len(kps.keypoints) == len(ann["keypoint_names"]) >= 3
        xy = kps.to_xy_array()
        assert (xy >= 0).all() and (xy[:, 0] < w).all() and (xy[:, 1] < h).all()
        assert bbs.bounding_boxes and all(bb.label for bb in bbs.bounding_boxes)
        for bb in bbs.bounding_boxes:
            assert 0 <= bb.x1 < bb.x2 <= w and 0 <= bb.y1 < bb.y2 <= h
        assert polys.polygons
        for poly in polys.polygons:
            assert poly.is_valid and poly.label
            assert poly.is_fully_within_image(image.shape)
        arr = segmap.get_arr()
        assert arr.shape[0:2] == (h, w) and 0 <= arr.min() and arr.max() < nb_classes
        assert len(np.unique(arr)) >= 3


@pytest.mark.parametrize("index", [0, 5])
def test_animal_annotations_match_pixels(index):
    image = data.sample_images()[index]
    ann = data.sample_annotations()[index]
    animal = ann["segmentation_maps"].get_arr()[..., 0] == 1
    ys, xs = np.nonzero(animal)
    box = next(bb for bb in ann["bounding_boxes"].bounding_boxes if bb.label == "animal")
    assert (box.x1, box.y1, box.x2, box.y2) == (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1)
    poly = next(p for p in ann["polygons"].polygons if p.label == "animal")
    drawn = np.zeros(animal.shape, np.uint8)
    cv2.fillPoly(drawn, [np.round(poly.exterior - 0.5).astype(np.int32)], 1)
    iou = (drawn.astype(bool) & animal).sum() / (drawn.astype(bool) | animal).sum()
    assert iou > 0.9
    names = ann["keypoint_names"]
    for name, (x, y) in zip(names, ann["keypoints"].to_xy_array()):
        if name.startswith("animal/"):
            assert animal[int(y), int(x)], name
    nose = ann["keypoints"].to_xy_array()[names.index("animal/nose")]
    assert image[int(nose[1]), int(nose[0])].max() < 90  # the nose is dark


def test_quokka_image_and_sizes():
    full = data.quokka()
    assert full.dtype == np.uint8 and full.shape == (240, 320, 3)
    assert np.array_equal(full, data.sample_images()[0])
    assert data.quokka(size=(120, 100)).shape == (120, 100, 3)
    assert data.quokka(size=0.5).shape == (120, 160, 3)
    assert data.quokka(size=(0.5, 64)).shape == (120, 64, 3)
    assert data.quokka_square().shape == (240, 240, 3)
    assert data.quokka_square(size=(64, 64)).shape == (64, 64, 3)
    crop = data.quokka(extract=(10, 20, 110, 220))
    assert np.array_equal(crop, full[20:220, 10:110])


def test_quokka_annotations_scale_with_size():
    full_kps = data.quokka_keypoints()
    assert len(full_kps.keypoints) == 7 and full_kps.shape == (240, 320, 3)
    half = data.quokka_keypoints(size=0.5)
    assert half.shape[0:2] == (120, 160)
    assert np.allclose(half.to_xy_array(), full_kps.to_xy_array() * 0.5)
    full_bb = data.quokka_bounding_boxes().bounding_boxes
    assert len(full_bb) == 1 and full_bb[0].label == "animal"
    scaled = data.quokka_bounding_boxes(size=(480, 160)).bounding_boxes[0]
    assert np.allclose([scaled.x1, scaled.y1, scaled.x2, scaled.y2],
                       [full_bb[0].x1 * 0.5, full_bb[0].y1 * 2, full_bb[0].x2 * 0.5,
                        full_bb[0].y2 * 2])
    polys = data.quokka_polygons(size=2.0)
    assert polys.shape[0:2] == (480, 640)
    assert np.allclose(polys.polygons[0].exterior, data.quokka_polygons().polygons[0].exterior
                       * 2)
    segmap = data.quokka_segmentation_map(size=0.5)
    assert segmap.shape == (120, 160, 3) and segmap.arr.shape == (120, 160, 1)
    full_seg = data.quokka_segmentation_map().get_arr()
    assert np.array_equal(segmap.arr[..., 0], full_seg[::2, ::2, 0])
    heatmap = data.quokka_heatmap(size=0.5)
    assert heatmap.shape == (120, 160, 3) and heatmap.arr_0to1.shape[0:2] == (120, 160)
    depth = data.quokka_heatmap().get_arr()
    assert depth.dtype == np.float32 and 0.0 <= depth.min() and depth.max() <= 1.0
    assert depth[5, 5] > 0.95 and depth[-2, 5] < 0.1  # sky is far, the bottom rows near


def test_quokka_annotations_follow_extract():
    box = (100, 60, 260, 230)
    image = data.quokka(extract=box)
    kps = data.quokka_keypoints(extract=box)
    assert kps.shape == image.shape
    full = data.quokka_keypoints().to_xy_array()
    assert np.allclose(kps.to_xy_array(), full - [100, 60])
    segmap = data.quokka_segmentation_map(extract=box)
    assert segmap.shape == image.shape
    assert np.array_equal(segmap.get_arr(), data.quokka_segmentation_map().get_arr()[60:230,
                                                                                       100:260])
    bbs = data.quokka_bounding_boxes(size=0.5, extract=box)
    assert bbs.shape[0:2] == (85, 80)
    assert data.quokka_heatmap(extract=box).shape == image.shape
    # the (dark) nose is still under its keypoint after extract + resize
    small = data.quokka(size=(340, 320), extract=box)
    nose = data.quokka_keypoints(size=(340, 320), extract=box).to_xy_array()[2]
    assert small[int(nose[1]), int(nose[0])].max() < 90
    square = data.quokka_polygons(extract="square")
    assert square.shape == (240, 240, 3)


def test_quokka_rejects_bad_extract():
    from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage

    with pytest.raises(ValueError, match="square"):
        data.quokka(extract="circle")
    with pytest.raises(TypeError, match="extract"):
        data.quokka(extract=5)
    two = BoundingBoxesOnImage([BoundingBox(0, 0, 5, 5), BoundingBox(1, 1, 4, 4)],
                               shape=(240, 320, 3))
    with pytest.raises(ValueError, match="exactly one"):
        data.quokka_keypoints(extract=two)
    wrong = BoundingBoxesOnImage([BoundingBox(0, 0, 5, 5)], shape=(10, 10, 3))
    with pytest.raises(ValueError, match="shape"):
        data.quokka_bounding_boxes(extract=wrong)
    one = BoundingBoxesOnImage([BoundingBox(0, 0, 50, 40)], shape=(240, 320, 3))
    assert data.quokka(extract=one).shape == (40, 50, 3)
