from . import test_campaign_lane
from . import test_rate_promotion
