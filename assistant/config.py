"""Configuration: where the knowledge base lives, which embedder it uses, how answers are written.

Every setting has a default that works on a plain CPU machine with the bundled rules, and can be
set through an environment variable (ASSISTANT_INDEX_DIR, ASSISTANT_STORE_DIR,
ASSISTANT_COLLECTION, ASSISTANT_EMBEDDER, ASSISTANT_CHROMA_URL (a shared Chroma server), ASSISTANT_MODE and ASSISTANT_LLM_* for the optional
OpenAI-compatible endpoint) or given explicitly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EMBEDDER = "use"


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else default


def _optional_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else None


@dataclass(frozen=True)
class Config:
    """Settings of one assistant instance."""

    index_dir: Path = field(default_factory=lambda: _env_path("ASSISTANT_INDEX_DIR", PROJECT_ROOT / "index"))
    store_dir: Path | None = None
    collection: str = field(default_factory=lambda: os.environ.get("ASSISTANT_COLLECTION", "rules"))
    embedder: str = field(default_factory=lambda: os.environ.get("ASSISTANT_EMBEDDER", DEFAULT_EMBEDDER))
    ingest_dir: Path | None = field(default_factory=lambda: _optional_path("ASSISTANT_INGEST_DIR"))
    chroma_url: str = field(default_factory=lambda: os.environ.get("ASSISTANT_CHROMA_URL", ""))
    mode: str = field(default_factory=lambda: os.environ.get("ASSISTANT_MODE", "extractive"))
    llm_base_url: str = field(default_factory=lambda: os.environ.get("ASSISTANT_LLM_BASE_URL", ""))
    llm_model: str = field(default_factory=lambda: os.environ.get("ASSISTANT_LLM_MODEL", ""))
    llm_api_key: str = field(default_factory=lambda: os.environ.get("ASSISTANT_LLM_API_KEY", "EMPTY"))
    llm_timeout: float = field(default_factory=lambda: float(os.environ.get("ASSISTANT_LLM_TIMEOUT", "30")))

    @property
    def manifest_path(self) -> Path:
        return self.index_dir / "manifest.toml"

    @property
    def store_path(self) -> Path:
        """The store folder (git-ignored); by default index/store."""
        if self.store_dir is not None:
            return self.store_dir
        return _env_path("ASSISTANT_STORE_DIR", self.index_dir / "store")
