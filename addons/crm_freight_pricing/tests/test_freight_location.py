from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.crm_customer.tests.common import assert_refused


class TestFreightLocation(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vietnam = cls.env.ref("base.vn")
        cls.Location = cls.env["freight.location"]

    def test_codes_are_normalised_and_shown(self):
        location = self.Location.create(
            {"name": "Nghi Son", "code": " vnngs ", "country_id": self.vietnam.id}
        )
        self.assertEqual(location.code, "VNNGS")
        self.assertEqual(location.display_name, "VNNGS - Nghi Son")
        self.assertEqual(self.Location.name_search("VNNGS")[0][0], location.id)

    def test_bad_unlocode_is_refused(self):
        for code in ("VNSG1", "VN-SG", "VNSG"):
            with (
                self.subTest(code=code),
                assert_refused(
                    self,
                    ValidationError,
                    "is not a UN/LOCODE: five capitals",
                ),
            ):
                self.Location.create(
                    {"name": "Bad", "code": code, "country_id": self.vietnam.id}
                )

    def test_unlocode_must_start_with_the_country(self):
        with self.assertRaisesRegex(ValidationError, "does not start with the code"):
            self.Location.create(
                {"name": "Wrong", "code": "CNXYZ", "country_id": self.vietnam.id}
            )

    def test_iata_code_is_three_letters(self):
        with assert_refused(
            self,
            ValidationError,
            r"PQ1 is not an IATA airport code: three capital letters\.",
        ):
            self.Location.create(
                {
                    "name": "Phu Quoc",
                    "iata_code": "PQ1",
                    "kind": "airport",
                    "country_id": self.vietnam.id,
                }
            )

    @mute_logger("odoo.sql_db")
    def test_a_code_is_required(self):
        with self.assertRaises(IntegrityError):
            self.Location.create({"name": "Nowhere", "country_id": self.vietnam.id})

    def test_shipped_locations(self):
        cat_lai = self.env.ref("crm_freight_pricing.location_vncli")
        self.assertEqual((cat_lai.code, cat_lai.kind), ("VNCLI", "seaport"))
        self.assertEqual(
            self.env.ref("crm_freight_pricing.location_sgn").iata_code, "SGN"
        )
