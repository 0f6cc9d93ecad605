from dataclasses import FrozenInstanceError

from odoo.tests import BaseCase

from ..tools import PricedCharge


def _charge(**values):
    return PricedCharge(
        **{
            "charge_type": None,
            "name": "O/F 40HC",
            "quantity": 3,
            "unit_price": 1500.0,
            "currency": None,
            "basis": "container",
            "is_freight": True,
            **values,
        }
    )


class TestPricedCharge(BaseCase):
    def test_amount_is_quantity_times_unit_price_unrounded(self):
        self.assertEqual(_charge().amount, 4500.0)
        # 166.5 kg at 2.345 a kilo: the currency rounds it, not the charge
        self.assertEqual(
            _charge(quantity=166.5, unit_price=2.345, basis="kg").amount,
            166.5 * 2.345,
        )

    def test_a_priced_charge_cannot_be_changed_on_the_way(self):
        charge = _charge()
        with self.assertRaises(FrozenInstanceError):
            charge.unit_price = 0.0
        self.assertEqual(charge.unit_price, 1500.0)
