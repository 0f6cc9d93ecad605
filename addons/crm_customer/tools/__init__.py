from . import core_translations
from .reminder import MAX_REMINDER_DAYS
from .local_time import local_day_start_utc
from .text import (
    fold_search_text,
    fold_search_value,
    fold_to_ascii,
    short_code_from_name,
)

__all__ = [
    "MAX_REMINDER_DAYS",
    "fold_search_text",
    "fold_search_value",
    "fold_to_ascii",
    "local_day_start_utc",
    "short_code_from_name",
]
