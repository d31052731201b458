"""Client/server mode against a real `chroma run` on loopback: replicas share one knowledge base."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from documents import arabic_style_rules, write_docx
from live import LiveServer, free_port

from assistant import ingest
from assistant.config import Config
from assistant.core import Assistant
from assistant.errors import StoreError
from assistant.generations import connect_server
from assistant.ingest import add_document, build_index
from assistant.server import ServerSettings, create_app

CHROMA = Path(sys.executable).with_name("chroma")


class ChromaServer:
    def __init__(self, path: Path, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen([str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1",
                                         "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("chroma run did not start")
            time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


@pytest.fixture(scope="module")
def chroma(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ChromaServer, Config]]:
    path, port = tmp_path_factory.mktemp("chroma-server"), free_port()
    server = ChromaServer(path, port)
    config = Config(chroma_url=server.url, collection="rules")
    build_index(config)
    yield server, config
    server.stop()


def test_replicas_share_the_knowledge_base(chroma: tuple[ChromaServer, Config], tmp_path: Path) -> None:
    _, config = chroma
    first, second = Assistant.open(config), Assistant.open(config)
    for replica in (first, second):
        answer = replica.ask("平凉市政府常务会议多久开一次？")
        assert [c.key for c in answer.citations] == [("平凉市", 53)]
    add_document(config, write_docx(tmp_path / "qingshan.docx", arabic_style_rules()))
    time.sleep(1.1)  # replicas look at the shared pointer at most once a second
    answer = second.ask("青山县会签文件几天内回复？")
    assert [c.key for c in answer.citations] == [("青山县", 3)]
    assert "青山县" in first.ask("青山县会签文件几天内回复？").jurisdictions


def test_failed_write_keeps_the_live_generation(chroma: tuple[ChromaServer, Config],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    server, config = chroma
    client = connect_server(server.url)
    before = {c if isinstance(c, str) else c.name for c in client.list_collections()}
    pointer = client.get_collection("rules--live").metadata["generation"]

    def broken(*args: object) -> None:
        raise RuntimeError("embedding server crashed")

    monkeypatch.setattr(ingest, "write_document", broken)
    with pytest.raises(RuntimeError):
        build_index(config)
    assert client.get_collection("rules--live").metadata["generation"] == pointer
    assert {c if isinstance(c, str) else c.name for c in client.list_collections()} == before


def test_unreachable_server_is_a_clear_error() -> None:
    config = Config(chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(StoreError, match="无法连接知识库服务.*已重试 3 次"):
        Assistant.open(config)


def test_server_going_away_gives_busy_then_recovers(tmp_path: Path) -> None:
    path, port = tmp_path / "chroma", free_port()
    server = ChromaServer(path, port)
    config = Config(chroma_url=server.url)
    build_index(config)
    body = {"question": "忻州市政府常务会议多久开一次？"}
    with LiveServer(create_app(ServerSettings(data_dir=tmp_path / "data", auth_file=None), config=config)) as app:
        assert httpx.post(f"{app.url}/api/ask", json=body, timeout=30).status_code == 200
        server.stop()
        time.sleep(1.1)
        busy = httpx.post(f"{app.url}/api/ask", json=body, timeout=60)
        assert busy.status_code == 503 and "服务繁忙" in busy.json()["error"]
        server = ChromaServer(path, port)
        time.sleep(1.1)
        again = httpx.post(f"{app.url}/api/ask", json=body, timeout=60)
        assert again.status_code == 200 and "每月召开2—3次" in again.json()["answer"]
    server.stop()


def test_store_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", "http://10.1.2.3:8000")
    assert Config().chroma_url == "http://10.1.2.3:8000"
    assert replace(Config(), chroma_url="").chroma_url == ""
