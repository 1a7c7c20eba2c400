"""The JSON schema of a benchmark run file (version :data:`SCHEMA_VERSION`)."""

from __future__ import annotations

from typing import Any

from imgaug2.benchmarks import SCHEMA_VERSION

_NUMBER = {"type": "number"}
CASE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["suite", "name", "library"],
    "properties": {
        "suite": {"type": "string"},
        "name": {"type": "string"},
        "library": {"type": "string"},
        "image_shape": {"type": "array", "items": {"type": "integer"}},
        "batch_size": {"type": "integer"},
        "images_per_second": _NUMBER,
        "seconds_min": _NUMBER,
        "seconds_median": _NUMBER,
        "seconds_max": _NUMBER,
        "repeats": {"type": "integer"},
        "peak_rss_bytes": {"type": "integer"},
        "error": {},
    },
    "anyOf": [
        {"required": ["images_per_second", "seconds_min", "seconds_median", "seconds_max"]},
        {"required": ["peak_rss_bytes"]},
        {"required": ["error"]},
    ],
}

RUN_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["schema_version", "created", "system", "config", "cases"],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "created": {"type": "string"},
        "system": {
            "type": "object",
            "required": ["cpu", "cores", "ram_bytes", "os", "python", "numpy", "opencv",
                         "opencv_threads", "thread_env"],
        },
        "config": {"type": "object", "required": ["suite"]},
        "cases": {"type": "array", "items": CASE_SCHEMA},
    },
}


def validate_run(data: dict) -> None:
    """Raise ``jsonschema.ValidationError`` if ``data`` is not a valid run file."""
    try:
        import jsonschema
    except ImportError as exc:  # pragma: no cover
        raise ImportError("validating benchmark files needs jsonschema: "
                          "pip install 'imgaug2[dev]'") from exc
    jsonschema.validate(data, RUN_SCHEMA)
