from . import test_campaign_lane
