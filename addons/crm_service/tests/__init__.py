from . import test_routing
from . import test_sla
from . import test_contract
from . import test_security
from . import test_mail_gateway
from . import test_knowledge
from . import test_reports
from . import test_care
