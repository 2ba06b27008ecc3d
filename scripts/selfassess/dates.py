"""The reference date: today, or the commit date under SOURCE_DATE_EPOCH.

Builds of the same commit must give the same output, so "overdue" is judged
against SOURCE_DATE_EPOCH when it is set.
"""
from __future__ import annotations

import datetime
import os

DONE = ("completed", "cancelled")


def today() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date().isoformat()
    return datetime.date.today().isoformat()


def is_overdue(action: dict, on: str) -> bool:
    """Due before `on` (YYYY-MM-DD) and neither completed nor cancelled."""
    due = action.get("due")
    return isinstance(due, str) and due < on and action.get("status") not in DONE
