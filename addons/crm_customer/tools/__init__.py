from . import core_translations
from .classification import classification_levels_sql
from .cursor import FETCH_SIZE, iter_query_batches
from .reminder import MAX_REMINDER_DAYS
from .group_company import group_member_ids_sql
from .local_time import local_day_start_utc
from .period import MONTHS
from .xlsx import (
    ColumnSums,
    StreamedWorksheet,
    XlsxRowEncoder,
    add_streamed_worksheet,
    row_values_getter,
)
from .text import (
    fold_search_text,
    fold_search_value,
    fold_to_ascii,
    short_code_from_name,
)

__all__ = [
    "FETCH_SIZE",
    "MAX_REMINDER_DAYS",
    "MONTHS",
    "ColumnSums",
    "StreamedWorksheet",
    "XlsxRowEncoder",
    "add_streamed_worksheet",
    "classification_levels_sql",
    "fold_search_text",
    "fold_search_value",
    "fold_to_ascii",
    "group_member_ids_sql",
    "iter_query_batches",
    "local_day_start_utc",
    "row_values_getter",
    "short_code_from_name",
]
