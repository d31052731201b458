"""Atomic store generations: every write builds a new folder and then flips a pointer.

Layout under the store folder::

    CURRENT            name of the live generation (replaced atomically with os.replace)
    builds/<name>/     one Chroma persistent folder per generation
    .lock              held while a write is in progress

A crash at any point before the flip leaves CURRENT on the previous, complete generation; the
next write removes the half-built folder. The generation before the live one is kept, so a
process that still reads it is not pulled out from under.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_POINTER = "CURRENT"
_BUILDS = "builds"


def live_generation(store_path: Path) -> Path | None:
    """The folder of the live generation, or None if no complete store exists."""
    try:
        name = (store_path / _POINTER).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    folder = store_path / _BUILDS / name
    return folder if name and folder.is_dir() else None


@contextmanager
def new_generation(store_path: Path, copy_live: bool) -> Iterator[Path]:
    """Yield a fresh generation folder; publish it only if the block finishes without error."""
    store_path.mkdir(parents=True, exist_ok=True)
    with _write_lock(store_path):
        live = live_generation(store_path)
        folder = store_path / _BUILDS / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns()}"
        folder.parent.mkdir(exist_ok=True)
        if copy_live and live is not None:
            shutil.copytree(live, folder)
        else:
            folder.mkdir()
        try:
            yield folder
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        _publish(store_path, folder.name)
        _remove_stale(store_path, keep={folder.name, live.name if live else ""})


def _publish(store_path: Path, name: str) -> None:
    pointer = store_path / _POINTER
    temporary = store_path / f"{_POINTER}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(name)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, pointer)
    directory = os.open(store_path, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _remove_stale(store_path: Path, keep: set[str]) -> None:
    for folder in (store_path / _BUILDS).iterdir():
        if folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _write_lock(store_path: Path) -> Iterator[None]:
    with open(store_path / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
