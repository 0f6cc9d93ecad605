from . import test_repair
from . import test_parts_shipment
