from . import customer_figures
