"""The page in a real headless Chromium (Debian package), directly and behind a real nginx at /assistant/.

These tests fail, never skip, when Chromium or nginx is missing: `make test` installs them.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from live import LiveServer, Nginx
from playwright.sync_api import Browser, Page, expect, sync_playwright

from assistant.config import PROJECT_ROOT, Config
from assistant.core import Assistant
from assistant.feedback import FeedbackStore
from assistant.server import ServerSettings, create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
TIMEOUT = 30_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "找不到 Debian 的 chromium：请运行 make test（会自动安装）"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-quic"])
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("web-data")


@pytest.fixture(scope="module")
def server(bundled_store: Config, data_dir: Path) -> Iterator[LiveServer]:
    with LiveServer(create_app(ServerSettings(data_dir=data_dir, auth_file=None), Assistant.open(bundled_store))) as live:
        yield live


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))  # type: ignore[attr-defined]
    yield page
    context.close()


def ask(page: Page, question: str, expected: str) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    expect(page.locator("#chat")).to_contain_text(expected, timeout=TIMEOUT)
    expect(page.locator("#question textarea")).to_be_editable(timeout=TIMEOUT)
    page.wait_for_timeout(300)


def choose_place(page: Page, place: str) -> None:
    page.locator("#place input").click()
    page.get_by_role("option", name=place, exact=True).click()
    expect(page.locator("#place input")).to_have_value(place)


def test_ask_cite_open_switch_and_follow_up(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    ask(page, "平凉市政府常务会议多久开一次？", "平凉市政府常务会议每月召开2次")
    chips = page.locator("#chips")
    expect(chips).to_contain_text("平凉市·第五十三条")
    panel = page.locator("#article-panel")
    expect(panel).to_contain_text("《平凉市人民政府工作规则》（平政发〔2023〕30号）第五十三条")
    expect(panel.locator("mark")).to_have_text("市政府常务会议每月召开2次，如有需要可随时召开。")
    expect(page.locator("#copy-text textarea")).to_have_value(
        "平凉市政府常务会议每月召开2次，如有需要可随时召开。\n\n依据：《平凉市人民政府工作规则》（平政发〔2023〕30号）"
        "第五十三条：“市政府常务会议每月召开2次，如有需要可随时召开。”")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "browser-cited-answer.png"), full_page=True)

    ask(page, "平凉和忻州的会签时限一样吗？", "结论：以上各地规定相同。")
    chips.get_by_text("忻州市·第三十三条").click()
    expect(panel).to_contain_text("《忻州市人民政府工作规则》（忻政发〔2023〕10号）第三十三条")

    choose_place(page, "攀枝花市")
    ask(page, "常务会议多久开一次？", "每两周召开1次")
    ask(page, "那全体会议呢？", "每年召开3次")
    expect(chips).to_contain_text("攀枝花市·第四十一条")
    page.screenshot(path=str(ARTIFACTS / "browser-follow-up.png"), full_page=True)
    assert (ARTIFACTS / "browser-cited-answer.png").stat().st_size > 20_000
    hosts = {url.split("/")[2] for url in page.requests if url.startswith("http")}  # type: ignore[attr-defined]
    assert hosts == {f"127.0.0.1:{server.port}"}, f"the page called out: {hosts}"


def test_question_and_rule_text_shown_as_text(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    hostile = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script>**平凉**常务会议多久开一次"
    ask(page, hostile, "每月召开2次")
    expect(page.locator("#chat")).to_contain_text("<script>window.pwned=1</script>")
    assert page.evaluate("window.pwned") is None
    assert page.locator("#chat img[src=x]").count() == 0


def test_not_covered_place_and_abstention_are_friendly(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    ask(page, "北京市政府常务会议多久开一次？", "知识库中没有北京市的工作规则")
    ask(page, "平凉市政府常务会议一般在星期几开？", "未对此作出规定")
    expect(page.locator("#chips")).to_contain_text("相关条款")


def test_feedback_is_stored(page: Page, server: LiveServer, data_dir: Path) -> None:
    page.goto(server.url + "/")
    ask(page, "会签文件几天内要回复？", "7个工作日内回复")
    page.locator("#comment textarea").fill("很有用")
    page.locator("#chat").get_by_role("button", name="赞").last.click()
    expect(page.locator("#feedback-status")).to_contain_text("感谢反馈", timeout=TIMEOUT)
    rows = FeedbackStore(data_dir).rows()
    assert rows[-1]["rating"] == "up" and rows[-1]["comment"] == "很有用"
    assert rows[-1]["question"] == "会签文件几天内要回复？" and rows[-1]["answer"]["citations"]


def test_browse_tab(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    page.get_by_role("tab", name="条文浏览").click()
    expect(page.locator("#browse-panel")).to_contain_text("第一条", timeout=TIMEOUT)
    page.locator("#search textarea").fill("会签")
    page.locator("#search textarea").press("Enter")
    expect(page.locator("#search-results")).to_contain_text("会签", timeout=TIMEOUT)
    expect(page.locator("#search-results mark").first).to_have_text("会签")


def test_behind_nginx_at_a_sub_path(browser: Browser, bundled_store: Config, tmp_path: Path) -> None:
    settings = ServerSettings(data_dir=tmp_path / "data", auth_file=None, root_path="/assistant")
    with LiveServer(create_app(settings, Assistant.open(bundled_store))) as app, Nginx(tmp_path / "nginx", app.port) as proxy:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(proxy.url)
        ask(page, "忻州市政府常务会议多久开一次？", "每月召开2—3次")
        expect(page.locator("#chips")).to_contain_text("忻州市·第二十一条")
        page.screenshot(path=str(ARTIFACTS / "browser-behind-nginx.png"), full_page=True)
        context.close()
