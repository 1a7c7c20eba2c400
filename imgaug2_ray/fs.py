"""Filesystem access through ``pyarrow.fs`` (local paths and URIs such as s3://, gs://)."""

from __future__ import annotations

import os
from typing import Any


def filesystem_and_path(uri: str) -> tuple[Any, str]:
    """``(pyarrow FileSystem, path)`` for a local path or a URI; the path has no trailing '/'."""
    import pyarrow.fs as pafs

    if "://" in uri:
        fs, path = pafs.FileSystem.from_uri(uri)
    else:
        fs, path = pafs.LocalFileSystem(), os.path.abspath(uri)
    return fs, path.rstrip("/") or "/"


def list_files(uri: str, extensions: tuple[str, ...] | None = None) -> tuple[Any, str, list[str]]:
    """All regular files below ``uri`` (recursive, hidden files skipped), as sorted paths
    relative to it. ``extensions`` (lower-case, with dot) filters by suffix when given."""
    import pyarrow.fs as pafs

    fs, root = filesystem_and_path(uri)
    info = fs.get_file_info(root)
    if info.type == pafs.FileType.NotFound:
        raise FileNotFoundError(f"input {uri!r} does not exist")
    if info.type == pafs.FileType.File:
        parent, name = root.rsplit("/", 1)
        return fs, parent, [name]
    selector = pafs.FileSelector(root, recursive=True)
    relative = []
    for entry in fs.get_file_info(selector):
        if entry.type != pafs.FileType.File:
            continue
        rel = entry.path[len(root):].lstrip("/")
        if any(part.startswith(".") or part.startswith("_") for part in rel.split("/")):
            continue
        if extensions and os.path.splitext(rel)[1].lower() not in extensions:
            continue
        relative.append(rel)
    return fs, root, sorted(relative)
