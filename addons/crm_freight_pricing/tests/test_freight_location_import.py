import base64

from odoo.exceptions import UserError
from odoo.tests import new_test_user
from odoo.tools.misc import file_open

from odoo.addons.base.tests.common import BaseCommon


class TestFreightLocationImport(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with file_open("crm_freight_pricing/tests/unlocode_sample.csv", "rb") as file:
            cls.sample = file.read()
        cls.Location = cls.env["freight.location"]
        cls.pricing_user = new_test_user(
            cls.env, "pricer", groups="crm_freight_pricing.group_freight_pricing_user"
        )
        cls.haiphong = cls.env.ref("crm_freight_pricing.location_vnhph")

    def _import(self, content=None, **values):
        wizard = (
            self.env["freight.location.import"]
            .with_user(self.pricing_user)
            .create(
                {
                    "file": base64.b64encode(content or self.sample),
                    "filename": "CodeListPart1.csv",
                    **values,
                }
            )
        )
        return wizard._import_locations()

    def _location(self, code):
        return self.Location.search([("code", "=", code)])

    def test_import_ports_airports_depots_and_border_crossings(self):
        haiphong_name = self.haiphong.name
        counts = self._import()
        self.assertEqual(counts, {"created": 6, "updated": 0, "skipped": 5})
        vietnam, germany = self.env.ref("base.vn"), self.env.ref("base.de")
        expected = {
            "VNNGS": ("Nghi Son", "seaport", False, vietnam),
            "VNPQC": ("Phu Quoc", "airport", "PQC", vietnam),
            "VNSTH": ("Song Than ICD", "inland_depot", False, vietnam),
            "VNLCA": ("Lao Cai", "border", False, vietnam),
            "DEMUC": ("München", "airport", "MUC", germany),
            "THLKR": ("Lat Krabang", "inland_depot", False, self.env.ref("base.th")),
        }
        for code, (name, kind, iata_code, country) in expected.items():
            with self.subTest(code=code):
                self.assertRecordValues(
                    self._location(code),
                    [
                        {
                            "name": name,
                            "kind": kind,
                            "iata_code": iata_code,
                            "country_id": country.id,
                        }
                    ],
                )
        # road-only places, entries marked for deletion and references are left out
        self.assertFalse(self.Location.search([("code", "in", ["VNBTE", "VNOLD"])]))
        self.assertEqual(self.haiphong.name, haiphong_name)
        # a second run finds everything in place
        self.assertEqual(self._import(), {"created": 0, "updated": 0, "skipped": 11})

    def test_country_filter_and_name_update(self):
        counts = self._import(
            country_ids=[self.env.ref("base.vn").id], update_names=True
        )
        self.assertEqual(counts, {"created": 4, "updated": 1, "skipped": 6})
        self.assertEqual(self.haiphong.name, "Haiphong")
        self.assertFalse(self.Location.search([("code", "in", ["DEMUC", "THLKR"])]))

    def test_utf8_file_and_known_iata_code(self):
        self.Location.create(
            {
                "name": "Munich Airport",
                "iata_code": "MUC",
                "country_id": self.env.ref("base.de").id,
                "kind": "airport",
            }
        )
        counts = self._import(
            self.sample.decode("latin-1").encode("utf-8"),
            country_ids=[self.env.ref("base.de").id],
        )
        self.assertEqual(counts["created"], 1)
        # the airport already exists under its IATA code: the new entry keeps its
        # UN/LOCODE only
        self.assertRecordValues(
            self._location("DEMUC"), [{"name": "München", "iata_code": False}]
        )

    def test_not_a_code_list(self):
        with self.assertRaisesRegex(UserError, "Line 1 is not a UN/LOCODE entry"):
            self._import(b"code;name\nVNSGN;Saigon\n")
