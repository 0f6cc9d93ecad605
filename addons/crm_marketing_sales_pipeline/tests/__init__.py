from . import test_sales_results
