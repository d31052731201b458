"""The HTTP JSON API over real HTTP: answers, lookups, bad bodies, login on and off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live import LiveServer

from assistant.config import Config
from assistant.core import Assistant
from assistant.server import ServerSettings, create_app, hash_password


@pytest.fixture(scope="module")
def assistant(bundled_store: Config) -> Assistant:
    return Assistant.open(bundled_store)


@pytest.fixture(scope="module")
def server(assistant: Assistant, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    settings = ServerSettings(data_dir=tmp_path_factory.mktemp("data"), auth_file=None)
    with LiveServer(create_app(settings, assistant)) as live:
        yield live


@pytest.fixture(scope="module")
def secured(assistant: Assistant, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    folder = tmp_path_factory.mktemp("secured")
    users = folder / "users.txt"
    users.write_text(f"# 用户\nalice:{hash_password('s3cret')}\nbob:plainpass\n", encoding="utf-8")
    with LiveServer(create_app(ServerSettings(data_dir=folder / "data", auth_file=users), assistant)) as live:
        yield live


def test_ask(server: LiveServer) -> None:
    response = httpx.post(f"{server.url}/api/ask", json={"question": "平凉市政府常务会议多久开一次？"})
    assert response.status_code == 200
    data = response.json()
    assert data["answer"].startswith("平凉市政府常务会议每月召开2次")
    assert data["citations"][0]["label"] == "第五十三条" and data["mode"] == "extractive"
    assert not data["abstained"] and data["jurisdictions"] == ["平凉市"]


def test_ask_with_selection_and_history(server: LiveServer) -> None:
    body = {"question": "那全体会议呢？", "jurisdiction": "攀枝花市",
            "history": [["常务会议多久开一次？", "攀枝花市政府常务会议原则上每两周召开1次。"]]}
    data = httpx.post(f"{server.url}/api/ask", json=body).json()
    assert [c["article"] for c in data["citations"]] == [41] and "每年召开3次" in data["answer"]


def test_jurisdictions_articles_and_health(server: LiveServer) -> None:
    places = httpx.get(f"{server.url}/api/jurisdictions").json()
    assert {p["name"]: p["articles"] for p in places} == {"平凉市": 100, "庄浪县": 97, "张掖市": 66,
                                                         "攀枝花市": 84, "忻州市": 48}
    assert next(p for p in places if p["name"] == "庄浪县")["parent"] == "平凉市"
    article = httpx.get(f"{server.url}/api/articles/平凉市/13").json()
    assert article["text"] == "市长外出期间，受市长委托，由负责常务工作的副市长主持政府工作。"
    missing = httpx.get(f"{server.url}/api/articles/北京市/1")
    assert missing.status_code == 404 and "北京市" in missing.json()["detail"]
    assert httpx.get(f"{server.url}/healthz").json()["status"] == "ok"


def test_openapi_documents_the_api(server: LiveServer) -> None:
    spec = httpx.get(f"{server.url}/openapi.json").json()
    assert {"/api/ask", "/api/jurisdictions", "/api/articles/{jurisdiction}/{number}", "/healthz"} <= set(spec["paths"])


@pytest.mark.parametrize(("body", "status", "message"), [
    ({}, 422, "question：缺少必填字段"),
    ({"question": ""}, 422, "question"),
    ({"question": "   "}, 422, "问题不能为空"),
    ({"question": "问" * 501}, 422, "内容过长"),
    ({"question": 123}, 422, "question：应为文字"),
    ({"question": "平凉常务会议", "history": "不是列表"}, 422, "history"),
    ({"question": "平凉常务会议", "history": [["问", "答"]] * 21}, 422, "条目过多"),
    ({"question": "平凉常务会议", "user": "x"}, 422, "user：不认识的字段"),
])
def test_bad_bodies_get_chinese_4xx(server: LiveServer, body: dict, status: int, message: str) -> None:
    response = httpx.post(f"{server.url}/api/ask", json=body)
    assert response.status_code == status
    assert message in response.json()["error"]


def test_malformed_json_and_oversized_body(server: LiveServer) -> None:
    broken = httpx.post(f"{server.url}/api/ask", content=b"{not json", headers={"content-type": "application/json"})
    assert broken.status_code == 422 and "不是有效的 JSON" in broken.json()["error"]
    huge = httpx.post(f"{server.url}/api/ask", json={"question": "问" * 40000})
    assert huge.status_code == 413 and "请求体过大" in huge.json()["error"]


def test_login_required_when_enabled(secured: LiveServer) -> None:
    body = {"question": "平凉市政府常务会议多久开一次？"}
    assert httpx.post(f"{secured.url}/api/ask", json=body).status_code == 401
    assert httpx.post(f"{secured.url}/api/ask", json=body, auth=("alice", "wrong")).status_code == 401
    assert httpx.get(f"{secured.url}/api/jurisdictions").status_code == 401
    assert httpx.post(f"{secured.url}/api/ask", json=body, auth=("alice", "s3cret")).status_code == 200
    assert httpx.get(f"{secured.url}/api/articles/平凉市/13", auth=("bob", "plainpass")).status_code == 200
    assert httpx.get(f"{secured.url}/healthz").status_code == 200


def test_page_requires_login_when_enabled(secured: LiveServer, server: LiveServer) -> None:
    assert httpx.get(f"{server.url}/config").status_code == 200
    assert httpx.get(f"{secured.url}/config").status_code == 401
    login = httpx.post(f"{secured.url}/login", data={"username": "alice", "password": "s3cret"})
    assert login.status_code == 200
    assert httpx.get(f"{secured.url}/config", cookies=login.cookies).status_code == 200


def test_gradio_client_can_ask(server: LiveServer) -> None:
    from gradio_client import Client

    client = Client(server.url + "/", verbose=False)
    result = client.predict("忻州规则第三十五条讲什么", "全部", [], [], api_name="/ask")
    chat = result[0]
    assert "第三十五条" in str(chat[-1]["content"])


def test_users_file_errors(tmp_path: Path, assistant: Assistant) -> None:
    from assistant.errors import AssistantError

    bad = tmp_path / "users.txt"
    bad.write_text("no-colon-here\n", encoding="utf-8")
    with pytest.raises(AssistantError, match="格式不正确"):
        create_app(ServerSettings(data_dir=tmp_path, auth_file=bad), assistant)
    with pytest.raises(AssistantError, match="无法读取用户文件"):
        create_app(ServerSettings(data_dir=tmp_path, auth_file=tmp_path / "missing.txt"), assistant)


def test_audit_log_records_user_question_and_citations(assistant: Assistant, tmp_path: Path) -> None:
    import json
    import os
    import stat

    users = tmp_path / "users.txt"
    users.write_text(f"alice:{hash_password('s3cret')}\n", encoding="utf-8")
    settings = ServerSettings(data_dir=tmp_path / "data", auth_file=users, audit_log=tmp_path / "audit" / "audit.jsonl")
    with LiveServer(create_app(settings, assistant)) as live:
        httpx.post(f"{live.url}/api/ask", json={"question": "平凉市政府常务会议多久开一次？"}, auth=("alice", "s3cret"))
    [line] = (tmp_path / "audit" / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    entry = json.loads(line)
    assert (entry["user"], entry["channel"], entry["citations"]) == ("alice", "api", ["平凉市·第五十三条"])
    assert "s3cret" not in line
    assert stat.S_IMODE(os.stat(tmp_path / "audit" / "audit.jsonl").st_mode) == 0o600


def test_streamed_oversized_body_is_rejected(server: LiveServer) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(40):
            yield b'{"question": "' + "问".encode() * 1000

    response = httpx.post(f"{server.url}/api/ask", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413 and "请求体过大" in response.json()["error"]


def test_non_ascii_and_unknown_logins_are_refused_cleanly(secured: LiveServer) -> None:
    login = httpx.post(f"{secured.url}/login", data={"username": "bob", "password": "密码"})
    assert login.status_code in (400, 401)
    assert httpx.post(f"{secured.url}/login", data={"username": "nobody", "password": "x"}).status_code in (400, 401)
