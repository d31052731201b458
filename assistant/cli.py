"""Command line: ``python -m assistant index build|add|list|show``, ``ask``, ``chat``, ``eval``,
``hash-password``, ``feedback export``."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .answer import Citation
from .config import Config
from .core import Assistant
from .errors import AssistantError
from .ingest import add_document, build_index
from .numerals import parse_number, to_chinese
from .parser import DocumentHints
from .store import RuleStore, StoredArticle


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return 2
    try:
        args.handler(args, Config())
    except AssistantError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断，知识库未改动。", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader stopped reading ("… | head"): nothing went wrong here
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 0
    except Exception:  # an unexpected failure: a short message for people, the details for the log
        logging.getLogger(__name__).exception("unexpected error")
        print("错误：发生了意外问题，详细信息见上方日志；知识库未改动。", file=sys.stderr)
        return 1
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="政务规则问答助手")
    commands = parser.add_subparsers(title="命令")
    index = commands.add_parser("index", help="管理知识库").add_subparsers(title="知识库命令")

    build = index.add_parser("build", help="用随附规则（index/manifest.toml）重建知识库")
    build.set_defaults(handler=_build)

    add = index.add_parser("add", help="导入一份规则文件（txt/docx/html/pdf）")
    add.add_argument("file", type=Path)
    for option, meaning in (("jurisdiction", "所属地区，如 平凉市"), ("title", "文件标题"),
                            ("level", "层级：省/市/县/国务院"), ("province", "所属省份"),
                            ("parent", "上级地区，如 平凉市"), ("doc-number", "文号")):
        add.add_argument(f"--{option}", default="", help=meaning)
    add.set_defaults(handler=_add)

    listing = index.add_parser("list", help="列出地区、文件和条文数")
    listing.set_defaults(handler=_list)

    show = index.add_parser("show", help="显示一条条文，如：index show 平凉市 13")
    show.add_argument("jurisdiction")
    show.add_argument("article", help="条号：13、十三 或 第十三条")
    show.set_defaults(handler=_show)

    ask = commands.add_parser("ask", help="提一个问题")
    ask.add_argument("question")
    ask.add_argument("--jurisdiction", default=None, help="选定地区，如 平凉市")
    ask.add_argument("--json", action="store_true", help="输出 JSON")
    ask.add_argument("--mode", choices=("extractive", "llm"), default=None)
    ask.set_defaults(handler=_ask)

    chat = commands.add_parser("chat", help="在终端里连续对话（空行或 Ctrl-D 退出）")
    chat.add_argument("--jurisdiction", default=None)
    chat.add_argument("--mode", choices=("extractive", "llm"), default=None)
    chat.set_defaults(handler=_chat)

    evaluation = commands.add_parser("eval", help="在评测集上评测，写出报告")
    evaluation.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    evaluation.add_argument("--mode", choices=("extractive", "llm"), default=None)
    evaluation.add_argument("--baselines", action="store_true", help="同时评测三个基线")
    evaluation.add_argument("--out", type=Path, default=None, help="报告目录（默认 eval/）")
    evaluation.add_argument("--gate", action="store_true", help="低于 eval/thresholds.toml 的阈值时以非零状态退出")
    evaluation.set_defaults(handler=_eval)

    hashing = commands.add_parser("hash-password", help="为用户文件生成 用户名:密码散列 一行")
    hashing.add_argument("username")
    hashing.set_defaults(handler=_hash_password)

    feedback = commands.add_parser("feedback", help="网页反馈").add_subparsers(title="反馈命令")
    export = feedback.add_parser("export", help="把反馈导出为待审的评测题（JSON Lines）")
    export.add_argument("--data-dir", type=Path, default=None, help="反馈数据目录（默认同网页）")
    export.set_defaults(handler=_export_feedback)
    return parser


def _build(args: argparse.Namespace, config: Config) -> None:
    from tqdm import tqdm

    started = time.perf_counter()
    documents = build_index(config, progress=lambda docs: tqdm(docs, desc="写入知识库", unit="份", file=sys.stderr))
    articles = sum(len(document.articles) for document in documents)
    print(f"已建立知识库：{len(documents)} 份文件，{articles} 条条文，用时 {time.perf_counter() - started:.1f} 秒。")
    _list(args, config)


def _add(args: argparse.Namespace, config: Config) -> None:
    hints = DocumentHints(title=args.title, jurisdiction=args.jurisdiction, level=args.level,
                          province=args.province, parent=args.parent, doc_number=args.doc_number)
    document, replaced = add_document(config, args.file, hints)
    action = "已替换" if replaced else "已导入"
    print(f"{action}《{document.title}》（{document.jurisdiction.name}，{len(document.articles)} 条）。")


def _list(args: argparse.Namespace, config: Config) -> None:
    store = RuleStore.open(config)
    documents: dict[str, list[StoredArticle]] = {}
    for item in store.articles():
        documents.setdefault(item.metadata["doc_id"], []).append(item)
    rows = [("地区", "层级", "文件", "文号", "日期", "章数", "条数")]
    for items in sorted(documents.values(), key=lambda group: group[0].jurisdiction):
        meta = items[0].metadata
        chapters = len({item.metadata["chapter"] for item in items if item.metadata["chapter"]})
        rows.append((meta["jurisdiction"], meta["level"], meta["document"], meta["doc_number"],
                     meta["issue_date"], str(chapters), str(len(items))))
    widths = [max(_width(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths)).rstrip())


def _show(args: argparse.Namespace, config: Config) -> None:
    store = RuleStore.open(config)
    jurisdiction = _resolve_jurisdiction(args.jurisdiction, store.jurisdictions())
    number = parse_number(args.article.strip().removeprefix("第").removesuffix("条"))
    if number is None:
        raise AssistantError(f"“{args.article}”不是有效的条号，请写成 13、十三 或 第十三条")
    found = store.article(jurisdiction, number)
    if not found:
        raise AssistantError(f"{jurisdiction}的工作规则中没有第{args.article.strip('第条')}条")
    for item in found:
        meta = item.metadata
        chapter = f"第{to_chinese(meta['chapter'])}章 {meta['chapter_title']}" if meta["chapter"] else ""
        print(Citation.of(item).reference)
        print(f"地区：{meta['jurisdiction']}　{chapter}")
        print(item.text)


def _with_mode(config: Config, mode: str | None) -> Config:
    return replace(config, mode=mode) if mode else config


def _ask(args: argparse.Namespace, config: Config) -> None:
    answer = Assistant.open(_with_mode(config, args.mode)).ask(args.question, args.jurisdiction)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(answer.answer)


def _chat(args: argparse.Namespace, config: Config) -> None:
    assistant = Assistant.open(_with_mode(config, args.mode))
    history: list[tuple[str, str]] = []
    print("政务规则问答助手。输入问题后回车；空行或 Ctrl-D 退出。")
    while True:
        try:
            question = input("问：").strip()
        except EOFError:
            break
        if not question:
            break
        answer = assistant.ask(question, args.jurisdiction, history)
        print(f"答：{answer.answer}\n")
        history.append((question, answer.answer))


def _eval(args: argparse.Namespace, config: Config) -> None:
    from .evaluate import EVAL_DIR, gate, load_thresholds, run, systems, table, write_outputs
    from .evalset import load_items

    assistant = Assistant.open(_with_mode(config, args.mode))
    evaluation = run(assistant, load_items(split=args.split), systems(assistant, config, args.baselines))
    for split in evaluation.metrics["assistant"]:
        print(f"== {split} ==\n{table(evaluation, split)}\n")
    out = args.out or EVAL_DIR
    write_outputs(evaluation, out)
    print(f"报告：{out / 'report.md'}（图表 report.png，逐题结果 results.jsonl）")
    if args.gate:
        failures = gate(evaluation, load_thresholds())
        if failures:
            raise AssistantError("评测未达到阈值：\n" + "\n".join(failures))
        print("评测达到全部阈值。")


def _hash_password(args: argparse.Namespace, config: Config) -> None:
    import getpass

    from .server import hash_password

    password = getpass.getpass("密码：") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    if not password:
        raise AssistantError("密码不能为空")
    print(f"{args.username}:{hash_password(password)}")


def _export_feedback(args: argparse.Namespace, config: Config) -> None:
    from .feedback import FeedbackStore
    from .server import ServerSettings

    store = FeedbackStore(args.data_dir or ServerSettings().data_dir)
    for candidate in store.export_candidates():
        print(json.dumps(candidate, ensure_ascii=False))


def _width(text: str) -> int:
    """Display width in a terminal: Chinese characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _resolve_jurisdiction(name: str, known: list[str]) -> str:
    matches = [place for place in known if place == name] or [place for place in known if place.startswith(name)]
    if len(matches) != 1:
        raise AssistantError(f"知识库中没有“{name}”的工作规则。已收录：{'、'.join(known)}")
    return matches[0]
