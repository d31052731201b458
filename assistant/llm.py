"""LLM answers through any LangChain chat model (an intranet OpenAI-compatible endpoint by default).

The model sees only the retrieved articles, must cite one per sentence, and its output goes
through the citation verifier. Timeouts, endpoint errors and answers with nothing verifiable
left make the caller fall back to the extractive answer.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate

from .config import Config
from .errors import AssistantError
from .places import PlaceFinder
from .store import StoredArticle
from .templates import prompt
from .verifier import Verified, verify

NO_ANSWER = "NO_ANSWER"
_POOL = ThreadPoolExecutor(max_workers=8, thread_name_prefix="llm")


def make_chat_model(config: Config) -> BaseChatModel:
    """ChatOpenAI pointed at the configured OpenAI-compatible endpoint (vLLM, Ollama, Xinference)."""
    if not config.llm_base_url or not config.llm_model:
        raise AssistantError("llm 模式需要配置 ASSISTANT_LLM_BASE_URL 和 ASSISTANT_LLM_MODEL")
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(base_url=config.llm_base_url, model=config.llm_model, api_key=config.llm_api_key,
                      timeout=config.llm_timeout, max_retries=1, temperature=0)


@dataclass
class LLMResult:
    """What the model produced after verification, or why it could not be used."""

    verified: Verified | None = None  # None: the model declined (NO_ANSWER) or failed
    failure: str = ""


class LLMAnswerer:
    """Prompt → chat model → text, bounded by a timeout, then verified."""

    def __init__(self, model: BaseChatModel, places: PlaceFinder, timeout: float = 30.0) -> None:
        template = ChatPromptTemplate.from_messages([("system", prompt("llm_system")), ("human", prompt("llm_user"))])
        self.chain = template | model | StrOutputParser()
        self.places = places
        self.timeout = timeout

    def answer(self, question: str, articles: list[StoredArticle], allowed: list[str]) -> LLMResult:
        context = "\n\n".join(f"【{a.jurisdiction}第{a.number}条】{a.text}" for a in articles)
        future = _POOL.submit(self.chain.invoke, {"context": context, "question": question})
        try:
            text = future.result(timeout=self.timeout)
        except FutureTimeout:
            future.cancel()
            return LLMResult(failure=f"超过 {self.timeout:g} 秒未响应")
        except Exception as exc:  # any endpoint or client failure falls back to extractive
            return LLMResult(failure=type(exc).__name__)
        if not isinstance(text, str) or not text.strip():
            return LLMResult(failure="返回内容为空")
        if text.strip().upper().startswith(NO_ANSWER):
            return LLMResult()
        return LLMResult(verified=verify(text, articles, allowed, self.places))
