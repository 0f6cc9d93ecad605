from . import core_translations
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
    "short_code_from_name",
]
