from . import core_translations
from .local_time import local_day_start_utc
from .text import (
    fold_search_text,
    fold_search_value,
    fold_to_ascii,
    short_code_from_name,
)

__all__ = [
    "fold_search_text",
    "fold_search_value",
    "fold_to_ascii",
    "local_day_start_utc",
    "short_code_from_name",
]
