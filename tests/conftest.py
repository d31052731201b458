"""Shared fixtures: the bundled store is built once per session into a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Config
from assistant.ingest import build_index

SOURCES = PROJECT_ROOT / "index" / "sources"


@pytest.fixture(scope="session")
def bundled_store(tmp_path_factory: pytest.TempPathFactory) -> Config:
    """A store built from the bundled rules; read-only for the tests that use it."""
    config = Config(store_dir=tmp_path_factory.mktemp("bundled") / "store")
    build_index(config)
    return config


@pytest.fixture
def writable_store(bundled_store: Config, tmp_path: Path) -> Config:
    """A private copy of the bundled store that a test may change."""
    target = tmp_path / "store"
    shutil.copytree(bundled_store.store_path, target, ignore=shutil.ignore_patterns(".lock"))
    return Config(store_dir=target)
