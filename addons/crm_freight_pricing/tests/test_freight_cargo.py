from odoo.tests import BaseCase

from ..tools import DEFAULT_VOLUME_FACTORS, air_freight, chargeable_weight, revenue_tons

AIR = DEFAULT_VOLUME_FACTORS["air"]


class TestFreightCargo(BaseCase):
    def test_air_chargeable_weight_is_volume_weight_rounded_up(self):
        # 120 x 80 x 100 cm = 0.96 m3 -> 160 kg volume weight > 100 kg gross
        self.assertEqual(chargeable_weight(100, 0.96, AIR), 160.0)
        # 1 m3 = 166.67 kg -> next half kilo
        self.assertEqual(chargeable_weight(10, 1.0, AIR), 167.0)
        self.assertEqual(chargeable_weight(45.2, 0.1, AIR), 45.5)
        self.assertEqual(chargeable_weight(45.0, 0.1, AIR), 45.0)

    def test_lcl_revenue_tons(self):
        self.assertEqual(revenue_tons(500, 0.8), 0.8)
        self.assertEqual(revenue_tons(2500, 1.2), 2.5)

    def test_air_break_point(self):
        breaks = [(0, 5.0), (45, 4.0), (100, 3.5), (300, 3.0)]
        # 90 kg at +45 = 360, but 100 kg at +100 = 350: the break-point applies
        self.assertEqual(air_freight(90, breaks, 60), (350.0, 100, 100))
        # 60 kg: +45 applies, 240 < 100 kg x 3.5
        self.assertEqual(air_freight(60, breaks, 60), (240.0, 45, 60))
        # 10 kg: N would be 50, under the minimum charge M
        self.assertEqual(air_freight(10, breaks, 60), (60, None, 10))
        self.assertIsNone(air_freight(10, [], 60))
