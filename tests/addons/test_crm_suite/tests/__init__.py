from . import test_freight_request_mixin
