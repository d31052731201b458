"""Atomic store generations: every write builds a new generation and then flips a pointer.

Embedded (default), under the store folder::

    CURRENT            name of the live generation (replaced atomically with os.replace)
    builds/<name>/     one Chroma persistent folder per generation
    .lock              held while a write is in progress

Client/server (``chroma_url`` set), on a shared Chroma server: one collection per generation,
``<collection>--<name>``, and a pointer collection ``<collection>--live`` whose metadata names the
live one; several app replicas read the same pointer.

A crash at any point before the flip leaves the pointer on the previous, complete generation;
the next write removes the half-built one. The generation before the live one is kept, so a
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
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings
from chromadb.errors import NotFoundError

from .config import Config
from .errors import StoreError

def chroma_settings() -> Settings:
    """Fresh settings for each client (chromadb writes the host, port or path into them); no telemetry."""
    return Settings(anonymized_telemetry=False, allow_reset=False)
CONNECT_ATTEMPTS = 3
_POINTER = "CURRENT"
_BUILDS = "builds"


def _stamp() -> str:
    return f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns()}"


def collection_config(embedder_spec: str) -> dict:
    return {"embedding_function": None, "configuration": {"hnsw": {"space": "cosine"}},
            "metadata": {"embedder": embedder_spec}}


def connect_server(url: str) -> chromadb.ClientAPI:
    """An HTTP client for a Chroma server, retried with backoff; StoreError if it stays unreachable."""
    parsed = urlparse(url)
    last: Exception | None = None
    for attempt in range(CONNECT_ATTEMPTS):
        try:
            client = chromadb.HttpClient(host=parsed.hostname or "127.0.0.1", port=parsed.port or 8000,
                                         ssl=parsed.scheme == "https", settings=chroma_settings())
            client.heartbeat()
            return client
        except Exception as exc:  # connection refused, timeouts, HTTP errors
            last = exc
            time.sleep(0.3 * 2 ** attempt)
    raise StoreError(f"无法连接知识库服务 {url}（已重试 {CONNECT_ATTEMPTS} 次：{type(last).__name__}），"
                     "请检查 Chroma 服务是否在运行")


class FolderGenerations:
    """Generations as folders of an embedded Chroma store."""

    check_interval = 0.0  # reading the pointer file is cheap: check before every question

    def __init__(self, config: Config) -> None:
        self.root = config.store_path
        self.collection = config.collection

    def live_token(self) -> str | None:
        try:
            name = (self.root / _POINTER).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return str(self.root / _BUILDS / name) if name and (self.root / _BUILDS / name).is_dir() else None

    def open_live(self) -> tuple[chromadb.ClientAPI, str, str] | None:
        token = self.live_token()
        if token is None:
            return None
        return chromadb.PersistentClient(path=token, settings=chroma_settings()), self.collection, token

    @contextmanager
    def new(self, copy_live: bool, embedder_spec: str) -> Iterator[chromadb.Collection]:
        self.root.mkdir(parents=True, exist_ok=True)
        with _write_lock(self.root):
            live = self.live_token()
            folder = self.root / _BUILDS / _stamp()
            folder.parent.mkdir(exist_ok=True)
            if copy_live and live is not None:
                shutil.copytree(live, folder)
            else:
                folder.mkdir()
            try:
                client = chromadb.PersistentClient(path=str(folder), settings=chroma_settings())
                yield client.get_or_create_collection(self.collection, **collection_config(embedder_spec))
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            self._publish(folder.name)
            keep = {folder.name, Path(live).name if live else ""}
            for stale in (self.root / _BUILDS).iterdir():
                if stale.name not in keep:
                    shutil.rmtree(stale, ignore_errors=True)

    def _publish(self, name: str) -> None:
        temporary = self.root / f"{_POINTER}.tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(name)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.root / _POINTER)
        directory = os.open(self.root, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


class ServerGenerations:
    """Generations as collections on a shared Chroma server."""

    check_interval = 1.0  # seconds between pointer checks (one HTTP round trip each)

    def __init__(self, config: Config) -> None:
        self.url = config.chroma_url
        self.collection = config.collection
        self.pointer = f"{config.collection}--live"
        self._cached: chromadb.ClientAPI | None = None

    def _client(self) -> chromadb.ClientAPI:
        if self._cached is None:
            self._cached = connect_server(self.url)
        return self._cached

    def live_token(self) -> str | None:
        try:
            return self._live_name(self._client())
        except StoreError:
            raise
        except Exception:  # the server went away: reconnect (with retries) once
            self._cached = None
            return self._live_name(self._client())

    def _live_name(self, client: chromadb.ClientAPI) -> str | None:
        try:
            pointer = client.get_collection(self.pointer)
        except NotFoundError:  # no pointer yet: nothing built
            return None
        except Exception as exc:  # any other failure must not read as "empty": that would drop the data
            raise StoreError(f"读取知识库服务 {self.url} 失败（{type(exc).__name__}），请稍后再试") from exc
        return str((pointer.metadata or {}).get("generation") or "") or None

    def open_live(self) -> tuple[chromadb.ClientAPI, str, str] | None:
        client = self._client()
        name = self._live_name(client)
        return (client, name, name) if name else None

    @contextmanager
    def new(self, copy_live: bool, embedder_spec: str) -> Iterator[chromadb.Collection]:
        client = self._client()
        live = self._live_name(client)
        name = f"{self.collection}--{_stamp()}"
        collection = client.create_collection(name, **collection_config(embedder_spec))
        try:
            if copy_live and live:
                _copy(client.get_collection(live), collection)
            yield collection
        except BaseException:
            client.delete_collection(name)
            raise
        if self._live_name(client) != live:  # another writer published meanwhile: do not overwrite it
            client.delete_collection(name)
            raise StoreError("另一个进程刚刚更新了知识库，本次写入已撤销，请重试")
        client.get_or_create_collection(self.pointer, metadata={"generation": name}).modify(
            metadata={"generation": name})
        for stale in client.list_collections():
            stale_name = stale if isinstance(stale, str) else stale.name
            if stale_name.startswith(f"{self.collection}--") and stale_name not in {name, live, self.pointer}:
                client.delete_collection(stale_name)


def _copy(source: chromadb.Collection, target: chromadb.Collection, batch: int = 500) -> None:
    total = source.count()
    for offset in range(0, total, batch):
        rows = source.get(include=["documents", "metadatas", "embeddings"], limit=batch, offset=offset)
        target.add(ids=rows["ids"], documents=rows["documents"], metadatas=rows["metadatas"],
                   embeddings=rows["embeddings"])


def generations(config: Config) -> FolderGenerations | ServerGenerations:
    """The generation store the configuration names: a Chroma server if ``chroma_url`` is set."""
    return ServerGenerations(config) if config.chroma_url else FolderGenerations(config)


@contextmanager
def _write_lock(root: Path) -> Iterator[None]:
    with open(root / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
