"""imgaug2's benchmark runner (``imgaug2-bench`` / ``python -m imgaug2.benchmarks``).

Writes one schema-versioned JSON file per run and renders Markdown reports and PNG charts from
one or more JSON files. Speed is compared as ratios measured side by side in one process.
"""

SCHEMA_VERSION = 1
