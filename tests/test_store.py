"""The Chroma store: build, list, show, add, replace, and atomic publishing."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from commands import cli, environment
from documents import arabic_style_rules, write_docx

from assistant import ingest
from assistant.config import PROJECT_ROOT, Config
from assistant.embedders import UniversalSentenceEncoder
from assistant.ingest import add_document, build_index
from assistant.store import RuleStore

COUNTS = {"平凉市": 100, "庄浪县": 97, "张掖市": 66, "攀枝花市": 84, "忻州市": 48}


def test_bundled_store_holds_every_article_once(bundled_store: Config) -> None:
    store = RuleStore.open(bundled_store)
    articles = store.articles()
    assert len(articles) == sum(COUNTS.values())
    assert len({item.id for item in articles}) == len(articles)
    for place, count in COUNTS.items():
        numbers = [item.number for item in articles if item.jurisdiction == place]
        assert numbers == list(range(1, count + 1))
    meta = store.article("平凉市", 53)[0].metadata
    assert meta["label"] == "第五十三条" and meta["chapter"] == 9 and meta["chapter_title"] == "会议制度"
    assert meta["doc_number"] == "平政发〔2023〕30号" and meta["document"] == "平凉市人民政府工作规则"
    assert store.embedder_spec == "use"


def test_cli_list(bundled_store: Config) -> None:
    result = cli(bundled_store, "index", "list")
    assert result.returncode == 0, result.stderr
    for place, count in COUNTS.items():
        line = next(line for line in result.stdout.splitlines() if line.startswith(place))
        assert line.split()[-1] == str(count)


@pytest.mark.parametrize(("place", "number", "citation", "text"), [
    ("平凉市", "13", "《平凉市人民政府工作规则》（平政发〔2023〕30号）第十三条",
     "市长外出期间，受市长委托，由负责常务工作的副市长主持政府工作。"),
    ("攀枝花市", "八十一", "《攀枝花市人民政府工作规则》（攀府发〔2019〕6号）第八十一条",
     "加强值班值守，除双休日外的法定节假日，市政府领导轮流在岗带班，负责处理紧急事务，带班期间保证联络畅通，"
     "如遇重特大突发事件，按市政府重特大突发事件处置相关规定执行。"),
    ("庄浪县", "第一条", "《庄浪县人民政府工作规则》（庄政发〔2023〕41号）第一条",
     "根据《中华人民共和国宪法》《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》等法律法规和有关规定，"
     "参照《国务院工作规则》《甘肃省人民政府工作规则》《平凉市人民政府工作规则》，结合本县实际，制定本规则。"),
])
def test_cli_show_prints_clean_article(bundled_store: Config, place: str, number: str, citation: str,
                                       text: str) -> None:
    result = cli(bundled_store, "index", "show", place, number)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == citation
    assert lines[2:] == [text]


@pytest.mark.parametrize(("args", "message"), [
    (("北京市", "1"), "知识库中没有“北京市”的工作规则"),
    (("平凉市", "第九百条"), "没有第九百条"),
    (("平凉市", "abc"), "不是有效的条号"),
])
def test_cli_show_explains_bad_requests(bundled_store: Config, args: tuple[str, str], message: str) -> None:
    result = cli(bundled_store, "index", "show", *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_cli_stops_quietly_when_its_reader_goes_away(bundled_store: Config) -> None:
    # "python -m assistant ask … | head -1": the pipe closes before the answer is written
    env = environment(bundled_store)
    process = subprocess.Popen([sys.executable, "-m", "assistant", "ask", "平凉市政府常务会议多久开一次？"], env=env,
                               cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0
    assert "Traceback" not in errors and "错误" not in errors, errors


def test_cli_without_store_says_how_to_build(tmp_path: Path) -> None:
    result = cli(Config(store_dir=tmp_path / "none"), "index", "list")
    assert result.returncode == 2
    assert "python -m assistant index build" in result.stderr


def test_add_then_readd_replaces_without_duplicates(writable_store: Config, tmp_path: Path) -> None:
    path = write_docx(tmp_path / "qingshan.docx", arabic_style_rules())
    document, replaced = add_document(writable_store, path)
    assert not replaced
    store = RuleStore.open(writable_store)
    first_ids = [item.id for item in store.articles({"jurisdiction": "青山县"})]
    assert len(first_ids) == 5
    assert len(store.articles()) == sum(COUNTS.values()) + 5
    _, replaced = add_document(writable_store, path)
    assert replaced
    store = RuleStore.open(writable_store)
    assert [item.id for item in store.articles({"jurisdiction": "青山县"})] == first_ids
    assert len(store.articles()) == sum(COUNTS.values()) + 5
    assert store.article("青山县", 3)[0].text == "部门之间会签文件，一般应在3个工作日内回复。"


def test_cli_add_with_metadata_options(writable_store: Config, tmp_path: Path) -> None:
    path = tmp_path / "baihe.txt"
    path.write_bytes("工作规则\n第一条 镇政府每周召开一次党政联席会议。\n第二条 本规则自发布之日起施行。".encode("gb18030"))
    result = cli(writable_store, "index", "add", str(path), "--jurisdiction", "白河镇", "--parent", "青山县",
                 "--title", "白河镇人民政府工作规则", "--level", "乡")
    assert result.returncode == 0, result.stderr
    assert "已导入《白河镇人民政府工作规则》（白河镇，2 条）" in result.stdout
    meta = RuleStore.open(writable_store).article("白河镇", 1)[0].metadata
    assert (meta["parent"], meta["level"]) == ("青山县", "乡")


def test_vector_search_filters_by_jurisdiction(bundled_store: Config) -> None:
    store = RuleStore.open(bundled_store)
    hits = store.vectorstore(UniversalSentenceEncoder()).similarity_search(
        "常务会议每月召开几次", k=8, filter={"jurisdiction": "忻州市"})
    assert len(hits) == 8
    assert {hit.metadata["jurisdiction"] for hit in hits} == {"忻州市"}


def test_rebuild_gives_identical_ids(writable_store: Config, bundled_store: Config) -> None:
    build_index(writable_store)
    before = [item.id for item in RuleStore.open(bundled_store).articles()]
    after = [item.id for item in RuleStore.open(writable_store).articles()]
    assert before == after


def test_failed_build_leaves_previous_store(writable_store: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    pointer = (writable_store.store_path / "CURRENT").read_text()
    written = []

    def fail_on_third(collection, document, embedder) -> None:  # type: ignore[no-untyped-def]
        written.append(document)
        if len(written) == 3:
            raise RuntimeError("disk full")
        original(collection, document, embedder)

    original = ingest.write_document
    monkeypatch.setattr(ingest, "write_document", fail_on_third)
    with pytest.raises(RuntimeError):
        build_index(writable_store)
    assert (writable_store.store_path / "CURRENT").read_text() == pointer
    assert [p.name for p in (writable_store.store_path / "builds").iterdir()] == [pointer]
    assert len(RuleStore.open(writable_store).articles()) == sum(COUNTS.values())


def test_killed_build_leaves_previous_store_and_next_write_recovers(writable_store: Config, tmp_path: Path) -> None:
    pointer = (writable_store.store_path / "CURRENT").read_text()
    builds = writable_store.store_path / "builds"
    env = environment(writable_store)
    process = subprocess.Popen([sys.executable, "-m", "assistant", "index", "build"], env=env, cwd=PROJECT_ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any((p / "chroma.sqlite3").exists()
                                                  for p in builds.iterdir() if p.name != pointer):
        time.sleep(0.05)
    time.sleep(1.0)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert len(list(builds.iterdir())) == 2, "the kill should have hit a half-built generation"
    assert (writable_store.store_path / "CURRENT").read_text() == pointer
    assert len(RuleStore.open(writable_store).articles()) == sum(COUNTS.values())
    add_document(writable_store, write_docx(tmp_path / "qingshan.docx", arabic_style_rules()))
    live = (writable_store.store_path / "CURRENT").read_text()
    assert sorted(p.name for p in builds.iterdir()) == sorted({pointer, live})
