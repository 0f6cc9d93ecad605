from . import test_audience
from . import test_campaign
from . import test_plan
from . import test_results
from . import test_tasks
from . import test_tour
from . import test_market_intelligence
from . import test_classification_results
