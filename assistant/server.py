"""The web server: one FastAPI app with the JSON API and the Gradio page, optional login, offline."""

from __future__ import annotations

import hashlib
import hmac
import html
import logging
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

# Nothing may call out at run time: set before gradio, chromadb or huggingface are imported.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from fastapi import Depends, FastAPI, HTTPException, Request  # noqa: E402
from fastapi.responses import HTMLResponse, JSONResponse, Response  # noqa: E402
from fastapi.security import HTTPBasic, HTTPBasicCredentials  # noqa: E402

from .api import build_router, install_error_handlers  # noqa: E402
from .audit import AuditLog  # noqa: E402
from .config import PROJECT_ROOT, Config  # noqa: E402
from .core import Assistant  # noqa: E402
from .errors import AssistantError, StoreError  # noqa: E402
from .feedback import FeedbackStore  # noqa: E402

log = logging.getLogger(__name__)
QUEUE_CONCURRENCY = 8
QUEUE_MAX_SIZE = 200
_HASH = "pbkdf2_sha256"
_ITERATIONS = 200_000


@dataclass(frozen=True)
class ServerSettings:
    """How the app is served; each field also reads an ASSISTANT_* environment variable."""

    host: str = field(default_factory=lambda: os.environ.get("ASSISTANT_HOST", "127.0.0.1"))
    port: int = field(default_factory=lambda: int(os.environ.get("ASSISTANT_PORT", "7860")))
    root_path: str = field(default_factory=lambda: os.environ.get("ASSISTANT_ROOT_PATH", ""))
    auth_file: Path | None = field(default_factory=lambda: Path(p) if (p := os.environ.get("ASSISTANT_AUTH_FILE")) else None)
    data_dir: Path = field(default_factory=lambda: Path(os.environ.get("ASSISTANT_DATA_DIR", str(PROJECT_ROOT / "data"))))
    audit_log: Path | None = field(default_factory=lambda: Path(p) if (p := os.environ.get("ASSISTANT_AUDIT_LOG")) else None)


def hash_password(password: str, salt: str | None = None) -> str:
    """A users-file password entry: pbkdf2_sha256$iterations$salt$hex."""
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), _ITERATIONS).hex()
    return f"{_HASH}${_ITERATIONS}${salt}${digest}"


_DUMMY = hash_password("", salt="0" * 32)


def _matches(stored: str, password: str) -> bool:
    if stored.startswith(f"{_HASH}$"):
        _, iterations, salt, digest = stored.split("$", 3)
        computed = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), int(iterations)).hex()
        return hmac.compare_digest(computed.encode(), digest.encode())
    return hmac.compare_digest(stored.encode(), password.encode())


def _valid_secret(secret: str) -> bool:
    if not secret.startswith(f"{_HASH}$"):
        return True
    parts = secret.split("$")
    return len(parts) == 4 and parts[1].isdigit() and all(parts[2:])


def load_users(path: Path) -> dict[str, str]:
    """``name:password`` lines (password hashed with ``python -m assistant hash-password`` or plain)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise AssistantError(f"无法读取用户文件 {path}：{exc.strerror or exc}") from exc
    users = {}
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            name, sep, secret = line.strip().partition(":")
            if not sep or not name or not secret or not _valid_secret(secret):
                raise AssistantError(f"用户文件 {path} 格式不正确：每行应为 用户名:密码（或 hash-password 生成的散列）")
            users[name] = secret
    if not users:
        raise AssistantError(f"用户文件 {path} 中没有用户")
    return users


def create_app(settings: ServerSettings, assistant: Assistant | None = None, config: Config | None = None) -> FastAPI:
    """The FastAPI app with /api, /healthz and the page at /."""
    import gradio as gr

    from .webui import CSS, THEME, build_blocks

    if assistant is None:
        try:
            assistant = Assistant.open(config)
        except StoreError as exc:  # serve a clear 503 instead of crash-looping
            log.error("知识库不可用：%s", exc)
            return maintenance_app(str(exc))
    users = load_users(settings.auth_file) if settings.auth_file else None

    def check(name: str, password: str) -> bool:
        if users is None:
            return False
        # Unknown names cost as much as known ones, so timing does not reveal who has an account.
        return _matches(users.get(name, _DUMMY), password) and name in users

    basic = HTTPBasic(auto_error=False, description="用户文件中的用户名和密码")

    def require_login(credentials: HTTPBasicCredentials | None = Depends(basic)) -> str:
        if credentials is None or not check(credentials.username, credentials.password):
            raise HTTPException(401, detail="需要登录：请使用 HTTP Basic 认证提供用户名和密码",
                                headers={"WWW-Authenticate": "Basic"})
        return credentials.username

    app = FastAPI(title="政务规则问答助手 API", version="1.0", root_path=settings.root_path,
                  description="按地区回答人民政府工作规则问题，并引用具体条文。")
    install_error_handlers(app)
    audit = AuditLog(settings.audit_log) if settings.audit_log else None
    app.include_router(build_router(assistant, require_login if users else None, audit))
    blocks = build_blocks(assistant, FeedbackStore(settings.data_dir), audit)
    blocks.queue(default_concurrency_limit=QUEUE_CONCURRENCY, max_size=QUEUE_MAX_SIZE)
    return gr.mount_gradio_app(app, blocks, path="/", auth=check if users else None,
                               auth_message="请使用单位分配的账号登录。", root_path=settings.root_path or None,
                               ssr_mode=False, theme=THEME, css=CSS, footer_links=[], mcp_server=False,
                               pwa=False, enable_monitoring=False)


def maintenance_app(message: str) -> FastAPI:
    """Answers every request with 503 and the operator's instructions."""
    app = FastAPI(title="政务规则问答助手（维护中）")

    @app.api_route("/{path:path}", methods=["GET", "POST", "HEAD"], include_in_schema=False)
    async def unavailable(path: str, request: Request) -> Response:
        if path.startswith(("api/", "healthz")) or "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"status": "unavailable", "error": message}, status_code=503)
        page = (f"<!doctype html><meta charset='utf-8'><title>政务规则问答助手</title>"
                f"<h2>服务暂不可用</h2><p>知识库无法打开，请联系信息中心。</p><pre>{html.escape(message)}</pre>")
        return HTMLResponse(page, status_code=503)

    return app


def serve(settings: ServerSettings, config: Config | None = None) -> None:
    """Start the server (blocking)."""
    import uvicorn

    app = create_app(settings, config=config)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info", proxy_headers=True,
                forwarded_allow_ips="127.0.0.1")
