from . import test_lead_business
from . import test_revision
from . import test_revision_compare
from . import test_revision_concurrency
from . import test_revision_rpc
from . import test_tour
from . import test_sending
from . import test_contract
