from odoo.exceptions import ValidationError
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.crm_customer.tests.common import as_request, assert_refused


class TestFreightLocationSearch(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.vietnam = ref("base.vn")
        cls.hcmc = ref("crm_freight_pricing.location_group_vn_hcm")
        cls.cat_lai = ref("crm_freight_pricing.location_vncli")
        cls.cai_mep = ref("crm_freight_pricing.location_vncmt")
        cls.saigon = ref("crm_freight_pricing.location_vnsgn")
        cls.hiep_phuoc = ref("crm_freight_pricing.location_vn_hiep_phuoc")
        cls.song_than = ref("crm_freight_pricing.location_vn_icd_song_than")
        cls.hai_phong = ref("crm_freight_pricing.location_vnhph")
        cls.salesman = new_test_user(
            cls.env, "location_seller", groups="sales_team.group_sale_salesman"
        )

    def _found(self, text):
        Location = as_request(self.salesman, self.env["freight.location"])
        return Location.browse(
            [location_id for location_id, _name in Location.name_search(text)]
        )

    def test_ports_found_the_way_people_say_them(self):
        for typed, port in (
            ("cat lai", self.cat_lai),
            ("Cát Lái", self.cat_lai),
            ("VNCLI", self.cat_lai),
            ("tan cang cat lai", self.cat_lai),
            ("cai mep", self.cai_mep),
            ("thi vai", self.cai_mep),
            ("sai gon", self.saigon),
            ("saigon", self.saigon),
            ("VNSGN", self.saigon),
            ("song than", self.song_than),
            ("hai phong", self.hai_phong),
            ("hcm", self.hcmc),
            ("TP.HCM", self.hcmc),
        ):
            with self.subTest(typed=typed):
                self.assertIn(port, self._found(typed))

    def test_the_metro_area_name_finds_the_group_and_its_ports(self):
        found = self._found("ho chi minh")
        self.assertLessEqual(
            self.hcmc | self.cat_lai | self.cai_mep | self.hiep_phuoc, found
        )
        self.assertNotIn(self.hai_phong, found)
        self.assertEqual(
            as_request(self.salesman, self.hcmc).display_name,
            "Ho Chi Minh City (all ports)",
        )

    def test_country_name_finds_its_ports(self):
        self.assertIn(self.cat_lai, self._found("Vietnam"))

    def test_search_text_follows_aliases_and_group_renames(self):
        self.cat_lai.aliases = "Cảng Xanh"
        self.assertIn(self.cat_lai, self._found("cang xanh"))
        self.hcmc.name = "Thành phố Hồ Chí Minh"
        self.assertIn(self.cat_lai, self._found("thanh pho ho chi minh"))

    def test_a_terminal_without_code_needs_a_port_group(self):
        terminal = self.env["freight.location"].create(
            {
                "name": "Tân Cảng Phú Hữu",
                "country_id": self.vietnam.id,
                "parent_id": self.hcmc.id,
            }
        )
        self.assertEqual(terminal.display_name, "Tân Cảng Phú Hữu")
        self.assertIn(terminal, self._found("tan cang phu huu"))

    def test_port_groups_hold_ports_of_their_country_only(self):
        with assert_refused(
            self, ValidationError, "Busan is in South Korea: it cannot belong"
        ):
            self.env.ref("crm_freight_pricing.location_krpus").parent_id = self.hcmc
        with assert_refused(
            self, ValidationError, "a port, terminal or depot belongs to a port group"
        ):
            self.cai_mep.parent_id = self.cat_lai

    def test_lane_ports_of_a_group_and_of_a_member(self):
        ports, neighbours = self.hcmc._get_lane_ports()
        self.assertLessEqual(self.cat_lai | self.cai_mep | self.song_than, ports)
        self.assertFalse(neighbours)
        ports, neighbours = self.cat_lai._get_lane_ports()
        self.assertEqual(ports, self.cat_lai)
        self.assertIn(self.cai_mep, neighbours)
        self.assertNotIn(self.cat_lai, neighbours)
