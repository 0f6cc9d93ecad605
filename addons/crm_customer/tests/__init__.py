from . import test_classification
from . import test_customer_profile
from . import test_customer_records
from . import test_contact
from . import test_free_fields
from . import test_interaction
from . import test_timeline
from . import test_translations
