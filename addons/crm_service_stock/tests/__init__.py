from . import test_goods
