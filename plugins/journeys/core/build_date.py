"""The date a build is for: every "due for review" and every "stale" is counted from it."""

from __future__ import annotations

import datetime
import os


def build_date() -> datetime.date:
    """Today, or the day SOURCE_DATE_EPOCH names, so a reproducible build is reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()
