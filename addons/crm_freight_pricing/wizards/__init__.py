from . import freight_rate_search
from . import freight_rate_search_container
from . import freight_rate_option
from . import freight_rate_option_charge
