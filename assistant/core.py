"""The public API: ``Assistant.open(config) → assistant.ask(question, jurisdiction, history) → Answer``.

The pipeline is a chain of LangChain runnables: plan (clean, rewrite the follow-up, resolve
jurisdictions) → retrieve (one HybridRetriever per jurisdiction) → respond (extractive or LLM).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import Runnable, RunnableLambda

from . import compose
from .answer import Answer, Citation
from .asker import without_introduction
from .generations import generations
from .config import Config
from .embedders import make_embedder
from .errors import AssistantError
from .extractive import Finding, find_answer_parts
from .followup import rewrite_history
from .guard import clean_history, clean_question
from .ingest import build_index
from .intent import (GENERAL, Intent, article_number, classify, classify_all, stated_quantities,
                     without_the_ask)
from .keyword import KeywordIndex
from .llm import LLMAnswerer, make_chat_model
from .places import PlaceFinder, PlaceMentions, localize, turns_to
from .retrieval import HybridRetriever, HybridSearch, Ranked
from .store import RuleStore, StoredArticle
from .subjects import Subject, per_meeting, speaks_of, with_each_best
from .templates import render

log = logging.getLogger(__name__)
RETRIEVE_K = 5
# With no place named or selected, every jurisdiction is answered in turn, up to this many.
MAX_UNNAMED_JURISDICTIONS = 10
STREAM_CHUNK = 12


@dataclass(frozen=True)
class Snapshot:
    """Everything derived from one store generation; swapped as a whole when the store changes."""

    store: RuleStore
    search: HybridSearch
    articles: list[StoredArticle]
    by_id: dict[str, StoredArticle]
    jurisdictions: list[str]
    places: PlaceFinder
    documents: dict[str, str]

    @classmethod
    def of(cls, store: RuleStore, search: HybridSearch) -> Snapshot:
        articles = search.keyword.articles
        jurisdictions = sorted({article.jurisdiction for article in articles})
        return cls(store, search, articles, {article.id: article for article in articles}, jurisdictions,
                   PlaceFinder(jurisdictions, _document_numbers(articles)),
                   {article.jurisdiction: str(article.metadata["document"]) for article in articles})


def _document_numbers(articles: list[StoredArticle]) -> dict[str, list[str]]:
    """Each jurisdiction's document numbers: of its rules and of the rules they repeal."""
    numbers: dict[str, list[str]] = {}
    for article in articles:
        metadata = article.metadata
        found = numbers.setdefault(article.jurisdiction, [])
        for number in (str(metadata.get("doc_number") or ""), str(metadata.get("repeals") or "")):
            if number and number not in found:
                found.append(number)
    return numbers


@dataclass
class Plan:
    """A question after cleaning, follow-up rewriting and jurisdiction resolution."""

    question: str
    standalone: str = ""
    jurisdictions: list[str] = field(default_factory=list)
    intent: Intent | None = None
    lookup: int | None = None
    focus: str = ""
    other_case: bool = False  # a follow-up about another person or case (see Turn.other_case)
    unknown_places: list[str] = field(default_factory=list)
    problem: str = ""
    notice: str = ""
    ranked: dict[str, list[Ranked]] = field(default_factory=dict)
    # per jurisdiction, each meeting of a question naming several and the ranking for it alone
    subjects: dict[str, list[tuple[Subject, list[Ranked]]]] = field(default_factory=dict)
    state: Snapshot | None = None


def _intent(question: str, followed: str, new_ask: bool) -> Intent:
    """What the user's own words ask for ("由谁主持？" after a question on frequency asks who, and a
    new ask about the same subject asks nothing of the previous question's type), else what the
    question it follows up asked ("那忻州呢？", "那局长出差呢？", "要是局长来不了呢？") unless the user's
    words already state that quantity ("来不及提前3天呢？")."""
    own = classify(question)
    if own is not GENERAL or new_ask:
        return own
    stated = stated_quantities(question)  # "来不及提前3天呢？" after "提前几天请假？" no longer asks for days
    return next((intent for intent in classify_all(followed) if intent.name not in stated), GENERAL)


class Assistant:
    """Answers questions about the rules in one store.

    The keyword index is derived from the Chroma store; when the store is rebuilt or a document
    is added (a new generation is published), the next question reloads it, without a restart.
    """

    def __init__(self, config: Config, store: RuleStore, search: HybridSearch,
                 chat_model: BaseChatModel | None = None) -> None:
        self.config = config
        self._lock = threading.Lock()
        self._generations = generations(config)
        self._checked = time.monotonic()
        self._install(store, search)
        self.llm = LLMAnswerer(chat_model, self.places, config.llm_timeout) if chat_model is not None else None
        self.mode = "llm" if self.llm else "extractive"
        self.chain: Runnable[dict, Answer] = (
            RunnableLambda(self._plan, name="plan")
            | RunnableLambda(self._retrieve, name="retrieve")
            | RunnableLambda(self._respond, name="respond")
        )

    def _install(self, store: RuleStore, search: HybridSearch) -> None:
        self._state = Snapshot.of(store, search)
        if getattr(self, "llm", None) is not None:
            self.llm.places = self._state.places  # type: ignore[union-attr]

    # The current generation's parts (one snapshot; a question in flight keeps the one it started with).
    store = property(lambda self: self._state.store)
    search = property(lambda self: self._state.search)
    articles = property(lambda self: self._state.articles)
    jurisdictions = property(lambda self: self._state.jurisdictions)
    places = property(lambda self: self._state.places)
    documents = property(lambda self: self._state.documents)

    @staticmethod
    def _load(config: Config, embedder: Embeddings | None, use_keywords: bool,
              use_dense: bool) -> tuple[RuleStore, HybridSearch]:
        store = RuleStore.open(config)
        embedder = embedder or make_embedder(store.embedder_spec or config.embedder)
        keyword = KeywordIndex(store.articles())
        return store, HybridSearch(keyword, store.vectorstore(embedder), embedder, use_keywords, use_dense)

    @classmethod
    def open(cls, config: Config | None = None, use_keywords: bool = True, use_dense: bool = True,
             chat_model: BaseChatModel | None = None) -> Assistant:
        """Open the configured store (building the bundled one if there is none yet).

        In ``llm`` mode (config or an explicit ``chat_model``) answers are written by the chat
        model and verified; otherwise they are extractive.
        """
        config = config or Config()
        if not config.chroma_url and generations(config).live_token() is None:
            build_index(config)  # the embedded default builds itself; a shared server is built explicitly
        store, search = cls._load(config, None, use_keywords, use_dense)
        if chat_model is None and config.mode == "llm":
            chat_model = make_chat_model(config)
        return cls(config, store, search, chat_model)

    def refresh(self) -> bool:
        """Reload the store and keyword index if a new generation was published; True if it was."""
        if time.monotonic() - self._checked < self._generations.check_interval:
            return False
        self._checked = time.monotonic()
        live = self._generations.live_token()
        if live is None or live == self.store.token:
            return False
        with self._lock:
            if live != self.store.token:
                search = self.search
                try:
                    store = RuleStore.open(self.config)
                    same = store.embedder_spec == self.store.embedder_spec
                    self._install(*self._load(self.config, search.embedder if same else None,
                                              search.use_keywords, search.use_dense))
                except AssistantError:  # keep answering from the generation we have
                    log.exception("could not load the new store generation; keeping the current one")
                    return False
        return True

    def ask(self, question: str, jurisdiction: str | None = None,
            history: Sequence[tuple[str, str]] = ()) -> Answer:
        """Answer one question; ``jurisdiction`` is the UI's selection, ``history`` earlier (question, answer)."""
        self.refresh()
        return self.chain.invoke({"question": question, "jurisdiction": jurisdiction, "history": history})

    def stream(self, question: str, jurisdiction: str | None = None,
               history: Sequence[tuple[str, str]] = ()) -> Iterator[str | Answer]:
        """Yield the answer text in pieces, then the complete Answer."""
        answer = self.ask(question, jurisdiction, history)
        for start in range(0, len(answer.answer), STREAM_CHUNK):
            yield answer.answer[start:start + STREAM_CHUNK]
        yield answer

    def retriever(self, jurisdiction: str, k: int = RETRIEVE_K, intent: Intent | None = None,
                  search: HybridSearch | None = None, focus: str = "") -> HybridRetriever:
        """The LangChain retriever for one jurisdiction (ranking up sentences that fit the intent,
        and articles that state the follow-up's ``focus``)."""
        return HybridRetriever(search=search or self.search, jurisdiction=jurisdiction, k=k,
                               intent=intent or classify(""), focus=focus)

    # --- chain steps -------------------------------------------------------------------------

    def _plan(self, request: dict) -> Plan:
        state = self._state
        cleaned = clean_question(request.get("question"))
        if cleaned.problem:
            return Plan(question=str(request.get("question") or ""), problem=cleaned.problem, state=state)
        text = without_introduction(cleaned.text)
        dropped_places = [p for p in state.places.find(cleaned.removed).known if p not in state.places.find(text).known]
        if dropped_places:  # the place named inside a dropped instruction is still the user's topic
            text = "".join(dropped_places) + text
        history, dropped = clean_history(request.get("history"))
        turn = rewrite_history(history, text, state.places)
        mentions = state.places.find(text)
        selected = request.get("jurisdiction")
        # The question's own places win, then the UI selection, then places carried from the history.
        jurisdictions = list(turn.jurisdictions)
        if selected in state.jurisdictions and not mentions.known and turns_to(text, mentions.unknown, selected):
            mentions = PlaceMentions([selected], mentions.unknown)  # a district asks about its selected city
            jurisdictions = [selected]
        if selected in state.jurisdictions and not mentions.unknown and set(mentions.known) <= set(mentions.others):
            jurisdictions = [selected]  # places named only as a document's recipient or a partner are not asked about
        if not jurisdictions and not mentions.unknown and len(state.jurisdictions) > MAX_UNNAMED_JURISDICTIONS:
            return Plan(question=text, state=state, problem=render("name_a_place", count=len(state.jurisdictions),
                                                      examples="、".join(state.jurisdictions[:3])))
        standalone = state.search.keyword.rejoin(turn.standalone)
        intent = _intent(state.search.keyword.rejoin(text), state.search.keyword.rejoin(turn.asked), turn.new_ask)
        plan = Plan(question=text, standalone=standalone, state=state,
                    jurisdictions=jurisdictions or ([] if mentions.unknown else list(state.jurisdictions)),
                    intent=intent, lookup=article_number(standalone),
                    unknown_places=[] if mentions.known else mentions.unknown,
                    focus=without_the_ask(state.places.strip(turn.focus), intent), other_case=turn.other_case)
        notices = [render("injection_notice")] if cleaned.injection_removed else []
        if mentions.known and mentions.unknown:
            notices.append(render("partly_covered", places="、".join(mentions.unknown),
                                  answered="、".join(mentions.known)))
        if dropped:
            notices.append(render("history_trimmed", count=dropped))
        plan.notice = "".join(notices)
        return plan

    def _retrieve(self, plan: Plan) -> Plan:
        state = plan.state or self._state
        if plan.problem or plan.unknown_places or plan.lookup is not None:
            return plan
        query = state.places.strip(plan.standalone)
        for jurisdiction in plan.jurisdictions:
            retriever = self.retriever(jurisdiction, intent=plan.intent, search=state.search,
                                       focus=localize(plan.focus, jurisdiction))
            plan.ranked[jurisdiction] = self._ranking(state, retriever, localize(query, jurisdiction))
            subjects = [(subject, self._ranking(state, retriever, localize(subject.question, jurisdiction)))
                        for subject in per_meeting(query)]
            if subjects:  # each meeting's own article is retrieved, whatever the whole question ranks first
                plan.subjects[jurisdiction] = subjects
                plan.ranked[jurisdiction] = with_each_best(plan.ranked[jurisdiction],
                                                           [ranked[0] for _, ranked in subjects if ranked])
        return plan

    def _ranking(self, state: Snapshot, retriever: HybridRetriever, query: str) -> list[Ranked]:
        return [self._ranked(state, document) for document in retriever.invoke(query)]

    @staticmethod
    def _ranked(state: Snapshot, document: Document) -> Ranked:
        return Ranked(state.by_id[str(document.id)], float(document.metadata["score"]),
                      document.metadata.get("sentence_scores", {}), bool(document.metadata.get("for_the_ask")))

    def _respond(self, plan: Plan) -> Answer:
        state = plan.state or self._state
        if plan.problem:
            text = render("empty_question") if plan.problem == "empty" else (
                render(plan.problem) if plan.problem == "only_instructions" else plan.problem)
            return self._answer(plan, text, abstained=True)
        if plan.unknown_places:
            text = render("unknown_jurisdiction", places="、".join(plan.unknown_places),
                          covered="、".join(state.jurisdictions))
            return self._answer(plan, text, abstained=True)
        if plan.lookup is not None:
            return self._lookup(plan, plan.lookup)
        query = state.places.strip(plan.standalone)
        findings = [self._find(plan, j, localize(query, j)) for j in plan.jurisdictions]
        if len(findings) == 1:
            findings = self._per_subject(plan, findings[0]) or findings
        if self.llm is None:
            return self._extractive(plan, findings)
        return self._llm(plan, findings)

    @staticmethod
    def _find(plan: Plan, jurisdiction: str, query: str, ranked: list[Ranked] | None = None) -> Finding:
        """The answer in one jurisdiction (from its ranking, or from ``ranked``); for a follow-up about
        another person or case, what the rules say of it when they do not say it in the way the previous
        question asked."""
        assert plan.state is not None
        keyword, focus = plan.state.search.keyword, localize(plan.focus, jurisdiction)
        intent = plan.intent or GENERAL
        ranked = plan.ranked[jurisdiction] if ranked is None else ranked
        finding = find_answer_parts(jurisdiction, query, intent, ranked, keyword, focus, other_person=plan.other_case)
        if finding.answered or not plan.other_case or intent is GENERAL:
            return finding
        return find_answer_parts(jurisdiction, query, GENERAL, ranked, keyword, focus)

    def _per_subject(self, plan: Plan, whole: Finding) -> list[Finding]:
        """For a question naming several meetings, one answer per meeting from its own ranking, when the
        answer to the whole does not speak of them all and theirs come from different retrieved articles."""
        subjects = plan.subjects.get(whole.jurisdiction, [])
        if not subjects or (whole.answered and all(speaks_of(whole.quote, subject) for subject, _ in subjects)):
            return []
        retrieved = {hit.article.id for hit in plan.ranked[whole.jurisdiction]}
        parts = [replace(self._find(plan, whole.jurisdiction, localize(subject.question, whole.jurisdiction), ranked),
                         subject=subject.name) for subject, ranked in subjects]
        articles = {part.article.id for part in parts if part.article is not None}
        if not all(part.answered for part in parts) or len(articles) < 2 or not articles <= retrieved:
            return []
        return parts

    def _llm(self, plan: Plan, findings: list[Finding]) -> Answer:
        assert self.llm is not None
        articles = [hit.article for j in plan.jurisdictions for hit in plan.ranked[j]]
        result = self.llm.answer(plan.standalone, articles, plan.jurisdictions)
        if result.failure:
            plan.notice = render("llm_fallback", reason=result.failure)
        elif result.verified is not None and not result.verified.sentences:
            plan.notice = render("llm_rejected")
        if result.verified is None or not result.verified.sentences:
            return self._extractive(plan, findings)
        lines, citations = [], []
        for claim, cited in result.verified.sentences:
            references = "；".join(Citation.of(article).reference for article in cited)
            lines.append(f"{claim}（{references}）")
            citations.extend(Citation.of(article, quote=claim) for article in cited)
        if result.verified.problems:
            plan.notice = render("llm_trimmed", count=len(result.verified.problems))
        answer = self._answer(plan, "\n".join(lines), abstained=False, citations=citations)
        answer.mode = "llm"
        return answer

    # --- answers -------------------------------------------------------------------------------

    def _extractive(self, plan: Plan, findings: list[Finding]) -> Answer:
        state = plan.state or self._state
        answered = [finding for finding in findings if finding.article is not None]
        if len(findings) == 1:
            finding = findings[0]
            text = compose.single(finding) if answered else compose.not_covered(finding, state.documents[finding.jurisdiction])
        else:
            text = compose.several(findings, state.documents)
        citations = [Citation.of(f.article, f.quote) for f in answered if f.article is not None]
        related = [Citation.of(hit.article) for f in findings if not f.answered for hit in f.ranked[:compose.RELATED_COUNT]]
        return self._answer(plan, text, abstained=not answered, citations=citations, related=related)

    def _lookup(self, plan: Plan, number: int) -> Answer:
        state = plan.state or self._state
        parts, citations = [], []
        for jurisdiction in plan.jurisdictions:
            found = state.store.article(jurisdiction, number)
            if not found:
                count = sum(1 for a in state.articles if a.jurisdiction == jurisdiction)
                parts.append(render("lookup_missing", document=state.documents[jurisdiction], count=count, number=number))
                continue
            for item in found:
                citation = Citation.of(item, quote=item.text)
                citations.append(citation)
                parts.append(render("lookup", reference=citation.reference, chapter=citation.chapter, text=item.text))
        return self._answer(plan, "\n\n".join(parts), abstained=not citations, citations=citations,
                            retrieved=citations)

    def _answer(self, plan: Plan, text: str, abstained: bool, citations: list[Citation] | None = None,
                related: list[Citation] | None = None, retrieved: list[Citation] | None = None) -> Answer:
        if retrieved is None:
            retrieved = [Citation.of(hit.article, score=round(hit.score, 6))
                         for ranked in plan.ranked.values() for hit in ranked]
        if plan.notice:
            text = f"{plan.notice}\n\n{text}"
        return Answer(answer=text, abstained=abstained, jurisdictions=plan.jurisdictions,
                      citations=citations or [], retrieved=retrieved, mode="extractive", question=plan.question,
                      standalone_question=plan.standalone, related=related or [], notice=plan.notice)
