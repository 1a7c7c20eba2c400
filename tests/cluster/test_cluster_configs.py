"""cluster/ configs validate offline: launcher configs against the schema in the ray wheel,
KubeRay manifests against the CRDs in ../shared/kuberay (strict: unknown fields are errors)."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema")
yaml = pytest.importorskip("yaml")
ray = pytest.importorskip("ray")

ROOT = Path(__file__).resolve().parents[2]
CLUSTER = ROOT / "cluster"
CRD_DIR = ROOT.parent / "shared" / "kuberay"


def _ray_schema() -> dict:
    return json.loads((Path(ray.__file__).parent / "autoscaler" / "ray-schema.json").read_text())


@pytest.mark.parametrize("name", ["aws.yaml", "gcp.yaml"])
def test_launcher_config_matches_ray_schema(name: str) -> None:
    config = yaml.safe_load((CLUSTER / name).read_text())
    jsonschema.validate(config, _ray_schema())
    assert config["provider"]["type"] == name.split(".")[0]
    assert any("imgaug2[ray]" in cmd for cmd in config["setup_commands"])


def test_launcher_schema_rejects_a_broken_config() -> None:
    config = yaml.safe_load((CLUSTER / "aws.yaml").read_text())
    del config["provider"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(config, _ray_schema())


def _strict(schema: dict) -> dict:
    """Close every object schema that lists properties (like kubeconform -strict)."""
    schema = copy.deepcopy(schema)

    def close(node):
        if isinstance(node, dict):
            if ("properties" in node and "additionalProperties" not in node
                    and not node.get("x-kubernetes-preserve-unknown-fields")):
                node["additionalProperties"] = False
            for value in node.values():
                close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(schema)
    return schema


def _crd_schema(filename: str) -> dict:
    path = CRD_DIR / filename
    if not path.exists():
        pytest.skip(f"{path} not present (shared/kuberay is provided beside the repo)")
    return _load_crd_schema(path)


@functools.cache
def _load_crd_schema(path: Path) -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    crd = yaml.load(path.read_text(), Loader=loader)
    version = next(v for v in crd["spec"]["versions"] if v["name"] == "v1")
    schema = _strict(version["schema"]["openAPIV3Schema"])
    # apiVersion/kind/metadata are validated by the API server, not the CRD
    schema.setdefault("properties", {})["metadata"] = {"type": "object"}
    return schema


@pytest.mark.parametrize(("manifest", "crd"), [
    ("kuberay/raycluster.yaml", "ray.io_rayclusters.yaml"),
    ("kuberay/rayjob.yaml", "ray.io_rayjobs.yaml"),
])
def test_kuberay_manifest_matches_crd(manifest: str, crd: str) -> None:
    doc = yaml.safe_load((CLUSTER / manifest).read_text())
    assert doc["apiVersion"] == "ray.io/v1"
    jsonschema.validate(doc, _crd_schema(crd))


def test_kuberay_validation_is_strict() -> None:
    doc = yaml.safe_load((CLUSTER / "kuberay/raycluster.yaml").read_text())
    doc["spec"]["headGroupSpec"]["notAField"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, _crd_schema("ray.io_rayclusters.yaml"))


def test_rayjob_runs_the_cli() -> None:
    doc = yaml.safe_load((CLUSTER / "kuberay/rayjob.yaml").read_text())
    assert doc["spec"]["entrypoint"].startswith("imgaug2-ray augment")
