"""The Gradio page: chat with cited answers, article panel, browse tab, feedback. No answering logic here."""

from __future__ import annotations

import html
import logging
from collections.abc import Iterator
from typing import Any

import gradio as gr

from .answer import Answer, Citation
from .audit import AuditLog
from .core import Assistant
from .feedback import FeedbackStore
from .render import article_html, chapter_label, chip_label, search_results_html

ALL = "全部"
EXAMPLES = ["平凉市政府常务会议多久开一次？", "会签文件几天内要回复？", "平凉和忻州的会签时限一样吗？",
            "副市长出差要提前几天请假？", "忻州规则第三十五条讲什么"]
FAILURE = "抱歉，服务繁忙或知识库暂时不可用，请稍后再试。如多次出现，请联系信息中心。"
SEARCH_LIMIT = 50
CSS = """
.article mark { background: #ffe58a; }
.article-meta { color: #666; font-size: 0.9em; }
#chips label { font-size: 0.9em; }
"""
THEME = gr.themes.Default(font=["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "system-ui", "sans-serif"],
                          font_mono=["ui-monospace", "monospace"])
log = logging.getLogger(__name__)

Messages = list[dict[str, Any]]


def _pairs(messages: Messages) -> list[tuple[str, str]]:
    """(question, answer) pairs of the conversation so far (messages are stored HTML-escaped)."""
    pairs, question = [], None
    for message in messages:
        if message["role"] == "user":
            question = html.unescape(str(message["content"]))
        elif question is not None:
            pairs.append((question, html.unescape(str(message["content"]))))
            question = None
    return pairs


def _chips(answer: dict[str, Any]) -> list[Citation]:
    cited = answer.get("citations") or answer.get("related") or []
    return [Citation(**{k: v for k, v in c.items() if k != "score"}) for c in cited]


class WebUI:
    """Event handlers of the page, all going through the public Assistant API."""

    def __init__(self, assistant: Assistant, feedback: FeedbackStore, audit: AuditLog | None = None) -> None:
        self.assistant = assistant
        self.feedback = feedback
        self.audit = audit
        self._index_places()

    def _index_places(self) -> None:
        """Articles by jurisdiction and their chapter labels, for the browse tab (rebuilt when the store changes)."""
        articles = self.assistant.articles
        if getattr(self, "_indexed", None) is articles:
            return
        by_place: dict[str, list[Citation]] = {}
        chapter_of: dict[tuple[str, int], str] = {}
        for article in sorted(articles, key=lambda a: (a.jurisdiction, a.number)):
            by_place.setdefault(article.jurisdiction, []).append(Citation.of(article))
            chapter_of[(article.jurisdiction, article.number)] = chapter_label(
                int(article.metadata.get("chapter", 0)), str(article.metadata.get("chapter_title", "")))
        self.by_place, self.chapter_of, self._indexed = by_place, chapter_of, articles

    def respond(self, question: str, place: str, messages: Messages, answers: list[dict],
                request: gr.Request) -> Iterator[tuple]:
        """Stream one answer into the chat, then show its citations."""
        messages = [*(messages or []), {"role": "user", "content": html.escape(question)},
                    {"role": "assistant", "content": ""}]
        final: Answer | None = None
        try:
            for part in self.assistant.stream(question, None if place == ALL else place, _pairs(messages[:-2])):
                if isinstance(part, Answer):
                    final = part
                else:
                    messages[-1]["content"] += html.escape(part)
                    yield messages, "", gr.update(), gr.update(), gr.update(), answers
        except Exception:  # the page shows a friendly message; the operator gets the traceback
            log.exception("answering failed")
            messages[-1]["content"] = FAILURE
            failed = {"question": question, "answer": FAILURE, "abstained": True, "citations": [], "related": []}
            yield messages, "", gr.update(choices=[], value=None), "", FAILURE, [*answers, failed]
            return
        assert final is not None
        if self.audit is not None:
            self.audit.record(getattr(request, "username", "") or "", "web", final)
        data = final.to_dict()
        answers = [*answers, data]
        chips = _chips(data)
        labels = [chip_label(c) for c in chips]
        yield (messages, "", gr.update(choices=labels, value=labels[0] if labels else None,
                                       label="引用条文" if data["citations"] else "相关条款（仅供参考）"),
               article_html(chips[0]) if chips else "", final.answer, answers)

    def place_choices(self) -> tuple:
        """The jurisdictions as they are now (documents may have been added since start-up)."""
        places = self.assistant.jurisdictions
        self._index_places()
        return (gr.update(choices=[ALL, *places]),
                gr.update(choices=places, value=places[0] if places else None))

    def show_chip(self, label: str | None, answers: list[dict]) -> str:
        if not label or not answers:
            return ""
        chosen = next((c for c in _chips(answers[-1]) if chip_label(c) == label), None)
        return article_html(chosen) if chosen else ""

    def rate(self, data: gr.LikeData, answers: list[dict], messages: Messages, comment: str, place: str) -> str:
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        earlier = sum(1 for m in messages[:index] if m["role"] == "assistant")
        if earlier >= len(answers):
            return "无法记录：找不到这条回答。"
        answer = answers[earlier]
        self.feedback.record(rating="up" if data.liked else "down", question=answer["question"], answer=answer,
                             comment=comment or "", jurisdiction=None if place == ALL else place,
                             history=_pairs(messages[:index - 1]))
        return "感谢反馈，已记录。"

    def chapters(self, place: str) -> tuple:
        labels = list(dict.fromkeys(self.chapter_of[c.key] for c in self.by_place.get(place, [])))
        return gr.update(choices=labels, value=labels[0] if labels else None), ""

    def articles(self, place: str, chapter: str | None) -> Any:
        labels = [c.label for c in self.by_place.get(place, []) if self.chapter_of[c.key] == chapter]
        return gr.update(choices=labels, value=labels[0] if labels else None)

    def article(self, place: str, label: str | None) -> str:
        chosen = next((c for c in self.by_place.get(place, []) if c.label == label), None)
        return article_html(chosen) if chosen else ""

    def search(self, place: str | None, query: str) -> str:
        query = (query or "").strip()
        if not query:
            return "<p>请输入要搜索的词语。</p>"
        pool = self.by_place.get(place, []) if place else [c for cs in self.by_place.values() for c in cs]
        return search_results_html([c for c in pool if query in c.text][:SEARCH_LIMIT], query)


def build_blocks(assistant: Assistant, feedback: FeedbackStore, audit: AuditLog | None = None) -> gr.Blocks:
    """The page. Jurisdictions are read from the store."""
    ui = WebUI(assistant, feedback, audit)
    places = assistant.jurisdictions
    with gr.Blocks(title="政务规则问答助手", analytics_enabled=False) as blocks:
        gr.Markdown("## 政务规则问答助手\n按地区回答人民政府工作规则问题，并给出条文出处。")
        answers = gr.State([])
        with gr.Tab("问答"):
            with gr.Row():
                with gr.Column(scale=3):
                    place = gr.Dropdown([ALL, *places], value=ALL, label="地区（问题中写明地区时以问题为准）",
                                        elem_id="place")
                    chat = gr.Chatbot(label="对话", render_markdown=False, buttons=["copy"], height=460,
                                      elem_id="chat", placeholder="请在下方输入问题。")
                    question = gr.Textbox(label="问题", placeholder=EXAMPLES[0], submit_btn="提问",
                                          elem_id="question", max_length=500)
                    gr.Examples(EXAMPLES, inputs=question, label="示例问题")
                    with gr.Row():
                        clear = gr.Button("清空对话", elem_id="clear")
                    copy_text = gr.Textbox(label="可粘贴的回答（含出处）", buttons=["copy"], interactive=False,
                                           lines=3, elem_id="copy-text")
                    comment = gr.Textbox(label="反馈意见（可选；填写后点对话中回答下方的“赞”或“踩”）", elem_id="comment")
                    status = gr.Markdown(elem_id="feedback-status")
                with gr.Column(scale=2):
                    chips = gr.Radio([], label="引用条文", elem_id="chips")
                    panel = gr.HTML(elem_id="article-panel")
        with gr.Tab("条文浏览"):
            with gr.Row():
                browse_place = gr.Dropdown(places, value=places[0] if places else None, label="地区",
                                           elem_id="browse-place")
                browse_chapter = gr.Dropdown([], label="章", elem_id="browse-chapter")
                browse_article = gr.Dropdown([], label="条", elem_id="browse-article")
            browse_panel = gr.HTML(elem_id="browse-panel")
            with gr.Row():
                query = gr.Textbox(label="在所选地区的条文中搜索", elem_id="search", scale=4)
                find = gr.Button("搜索", scale=1)
            results = gr.HTML(elem_id="search-results")

        question.submit(ui.respond, [question, place, chat, answers],
                        [chat, question, chips, panel, copy_text, answers], api_name="ask")
        chips.change(ui.show_chip, [chips, answers], panel, api_name=False)
        chat.like(ui.rate, [answers, chat, comment, place], status, api_name=False)
        clear.click(lambda: ([], [], gr.update(choices=[], value=None), "", "", ""),
                    None, [chat, answers, chips, panel, copy_text, status], api_name=False)
        browse_place.change(ui.chapters, browse_place, [browse_chapter, browse_panel], api_name=False)
        browse_chapter.change(ui.articles, [browse_place, browse_chapter], browse_article, api_name=False)
        browse_article.change(ui.article, [browse_place, browse_article], browse_panel, api_name=False)
        find.click(ui.search, [browse_place, query], results, api_name=False)
        query.submit(ui.search, [browse_place, query], results, api_name=False)
        blocks.load(ui.place_choices, None, [place, browse_place], api_name=False).then(
            ui.chapters, browse_place, [browse_chapter, browse_panel], api_name=False)
    return blocks
