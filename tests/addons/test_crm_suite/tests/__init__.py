from . import test_audience_mixin
