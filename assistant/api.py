"""HTTP JSON API for other office systems: ask, jurisdictions, articles, health."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.concurrency import run_in_threadpool

from .answer import Citation
from .audit import AuditLog
from .core import Assistant
from .guard import MAX_HISTORY_TURNS, MAX_QUESTION_CHARS

MAX_BODY_BYTES = 64 * 1024
BUSY = "服务繁忙或知识库暂时不可用，请稍后再试。"
log = logging.getLogger(__name__)


class AskRequest(BaseModel):
    """A question, optionally with the selected jurisdiction and earlier (question, answer) turns."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS, description="问题")
    jurisdiction: str | None = Field(default=None, description="选定地区，如 平凉市；不填则按问题或全部地区")
    history: list[tuple[str, str]] = Field(default_factory=list, max_length=MAX_HISTORY_TURNS,
                                           description="此前的 [问题, 回答] 对")

    @field_validator("question")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("问题不能为空")
        return value


def _message(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
    kinds = {"missing": "缺少必填字段", "extra_forbidden": "不认识的字段", "string_too_long": "内容过长",
             "string_too_short": "不能为空", "too_long": "条目过多", "string_type": "应为文字",
             "json_invalid": "不是有效的 JSON", "value_error": "取值不正确"}
    kind = kinds.get(str(error.get("type")), "格式不正确")
    if error.get("type") == "value_error":
        kind = str(error.get("msg", "")).removeprefix("Value error, ") or kind
    return f"{where}：{kind}" if where else kind


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    details = [_message(error) for error in errors]
    return JSONResponse(status_code=422, content={"error": "请求格式不正确：" + "；".join(details), "details": details})


class BodySizeLimit:
    """ASGI middleware: requests over MAX_BODY_BYTES get 413, whether they declare a length or stream."""

    def __init__(self, app: Any, limit: int = MAX_BODY_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._reject(send)
            return
        received, started, rejected = 0, False, False

        async def counted_receive() -> dict:
            nonlocal received, rejected
            if rejected:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    rejected = True
                    if not started:
                        await self._reject(send)
                    return {"type": "http.disconnect"}  # the app stops reading; its reply is dropped
            return message

        async def tracked_send(message: dict) -> None:
            nonlocal started
            if rejected:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except Exception:
            if not rejected:
                raise

    async def _reject(self, send: Any) -> None:
        response = JSONResponse(status_code=413, content={"error": f"请求体过大，上限为 {self.limit // 1024} KB"})
        await response({"type": "http"}, None, send)


def install_error_handlers(app: FastAPI) -> None:
    """Chinese 4xx messages for bad bodies, and a size limit on request bodies."""
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_middleware(BodySizeLimit)


def _anonymous() -> str:
    return ""


def build_router(assistant: Assistant, guard: Any = None, audit: AuditLog | None = None) -> APIRouter:
    """Routes under /api plus /healthz; ``guard`` is a login dependency returning the user (or None)."""
    dependencies = [Depends(guard)] if guard else []
    router = APIRouter()
    user_of = guard or _anonymous

    @router.post("/api/ask", summary="提问，返回带条文出处的回答")
    async def ask(request: AskRequest, user: str = Depends(user_of)) -> Any:
        try:
            answer = await run_in_threadpool(assistant.ask, request.question, request.jurisdiction, request.history)
        except Exception:  # store or server trouble: the caller gets a 503 it can retry, the log the details
            log.exception("answering failed")
            return JSONResponse(status_code=503, content={"error": BUSY})
        if audit is not None:
            audit.record(user, "api", answer)
        return answer.to_dict()

    @router.get("/api/jurisdictions", dependencies=dependencies, summary="知识库收录的地区及其规则文件")
    def jurisdictions() -> list[dict[str, Any]]:
        return _summaries(assistant)  # read each time: the store may have been updated

    @router.get("/api/articles/{jurisdiction}/{number}", dependencies=dependencies, summary="按条号取一条条文")
    def article(jurisdiction: str, number: int) -> dict[str, Any]:
        found = assistant.store.article(jurisdiction, number) if jurisdiction in assistant.jurisdictions else []
        if not found:
            raise HTTPException(404, detail=f"知识库中没有{jurisdiction}的第{number}条")
        return Citation.of(found[0]).__dict__ | {"quote": found[0].text} | {"score": None}

    @router.get("/healthz", summary="健康检查")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "articles": len(assistant.articles), "jurisdictions": assistant.jurisdictions}

    return router


def _summaries(assistant: Assistant) -> list[dict[str, Any]]:
    documents: dict[str, dict[str, Any]] = {}
    for article in assistant.articles:
        meta = article.metadata
        entry = documents.setdefault(meta["doc_id"], {
            "name": article.jurisdiction, "level": meta.get("level", ""), "province": meta.get("province", ""),
            "parent": meta.get("parent", ""), "document": meta["document"], "doc_number": meta.get("doc_number", ""),
            "issue_date": meta.get("issue_date", ""), "articles": 0})
        entry["articles"] += 1
    return sorted(documents.values(), key=lambda entry: entry["name"])
