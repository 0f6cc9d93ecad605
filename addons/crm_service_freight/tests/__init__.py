from . import test_cargo_claim
