"""政务规则问答助手: answers questions about local government work rules with article citations.

Public API::

    from assistant import Assistant
    answer = Assistant.open().ask("平凉市政府常务会议多久开一次？")
    answer.to_dict()
"""

from .answer import Answer, Citation
from .config import Config
from .core import Assistant
from .errors import AssistantError, DocumentError, StoreError

__all__ = ["Answer", "Assistant", "AssistantError", "Citation", "Config", "DocumentError", "StoreError"]
