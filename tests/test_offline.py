"""The app starts and answers with networking disabled for its process (a fresh network namespace)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

from commands import environment

from assistant.config import PROJECT_ROOT, Config

SCRIPT = textwrap.dedent("""
    import sys, httpx
    sys.path.insert(0, "tests")
    from live import LiveServer
    from assistant.server import ServerSettings, create_app
    from pathlib import Path
    try:
        httpx.get("http://1.1.1.1", timeout=2)
        sys.exit("network is reachable: the test is not isolated")
    except httpx.TransportError:
        pass
    app = create_app(ServerSettings(data_dir=Path(sys.argv[1]), auth_file=None))
    with LiveServer(app) as server:
        page = httpx.get(server.url + "/", timeout=30)
        answer = httpx.post(server.url + "/api/ask", json={"question": "平凉市政府常务会议多久开一次？"}, timeout=30)
        print(page.status_code, answer.json()["answer"].splitlines()[0])
""")


def test_app_answers_without_any_network(bundled_store: Config, tmp_path) -> None:  # type: ignore[no-untyped-def]
    unshare = shutil.which("unshare")
    assert unshare, "util-linux unshare is needed for this test"
    env = environment(bundled_store)
    command = f"ip link set lo up && {sys.executable} -c '{SCRIPT}' {tmp_path}"
    result = subprocess.run([unshare, "--map-root-user", "--net", "sh", "-c", command], capture_output=True,
                            text=True, env=env, cwd=PROJECT_ROOT, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "200 平凉市政府常务会议每月召开2次，如有需要可随时召开。" in result.stdout
