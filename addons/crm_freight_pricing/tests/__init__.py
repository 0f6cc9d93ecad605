from . import test_freight_cargo
from . import test_freight_location
from . import test_freight_rate
from . import test_rate_search
from . import test_freight_quotation
from . import test_freight_approval
from . import test_tour
from . import test_freight_rate_import
