from . import test_debt_panel
from . import test_sales_figures
