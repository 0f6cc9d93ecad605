from . import test_excluded_lane
