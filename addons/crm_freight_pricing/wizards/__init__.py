from . import freight_rate_search
from . import freight_rate_search_container
from . import freight_rate_option
from . import freight_rate_option_charge
from . import freight_rate_import
from . import freight_rate_export
from . import freight_location_import
from . import freight_request_reason
