from . import test_sales_results
from . import test_market_report
