"""政务规则问答助手 web app: ``python app.py [--host] [--port] [--root-path /assistant] [--auth-file users.txt]``.

Every option can also be set with an environment variable (ASSISTANT_HOST, ASSISTANT_PORT,
ASSISTANT_ROOT_PATH, ASSISTANT_AUTH_FILE, ASSISTANT_DATA_DIR). The page and the JSON API
(/api/ask, /api/jurisdictions, /api/articles/{地区}/{条号}, /healthz, OpenAPI at /docs) are served
by one FastAPI app; all logic lives in the ``assistant`` package.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from assistant.errors import AssistantError
from assistant.server import ServerSettings, serve


def main() -> int:
    try:
        defaults = ServerSettings()
    except ValueError as exc:
        print(f"错误：环境变量设置不正确（{exc}），例如 ASSISTANT_PORT 应为端口号", file=sys.stderr)
        return 2
    parser = argparse.ArgumentParser(description="政务规则问答助手（网页与 API）")
    parser.add_argument("--host", default=defaults.host)
    parser.add_argument("--port", type=int, default=defaults.port)
    parser.add_argument("--root-path", default=defaults.root_path, help="反向代理下的子路径，如 /assistant")
    parser.add_argument("--auth-file", type=Path, default=defaults.auth_file, help="用户文件：每行 用户名:密码")
    parser.add_argument("--data-dir", type=Path, default=defaults.data_dir, help="反馈数据目录")
    args = parser.parse_args()
    settings = replace(defaults, host=args.host, port=args.port, root_path=args.root_path.rstrip("/"),
                       auth_file=args.auth_file, data_dir=args.data_dir)
    try:
        serve(settings)
    except (AssistantError, OSError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
