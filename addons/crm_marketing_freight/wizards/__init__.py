from . import freight_rate_option
from . import freight_rate_search
