from odoo.tests import tagged
from odoo.tests.common import BaseCase

from odoo.addons.crm_customer.tools import fold_search_text, fold_to_ascii

from .common import CrmCustomerCommon, as_request


class TestFoldSearchText(BaseCase):
    def test_vietnamese_folds_to_ascii_lower_case(self):
        self.assertEqual(fold_to_ascii("Đặng Văn Đức"), "Dang Van Duc")
        self.assertEqual(fold_search_text("Biển  Xanh "), "bien xanh")
        self.assertEqual(
            fold_search_text("Cát Lái", None, "Sài Gòn"), "cat lai | sai gon"
        )
        self.assertFalse(fold_search_text("", False, "  "))


@tagged("post_install", "-at_install")
class TestPartnerSearch(CrmCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.bien_xanh = Partner.create(
            {
                "name": "Công ty TNHH Biển Xanh",
                "is_company": True,
                "user_id": cls.salesman.id,
            }
        )
        cls.contact = Partner.create(
            {"name": "Đặng Văn Đức", "parent_id": cls.bien_xanh.id}
        )
        cls.ascii_named = Partner.create(
            {"name": "Dong A Logistics", "is_company": True, "user_id": cls.salesman.id}
        )

    def _found(self, text):
        Partner = as_request(self.salesman, self.env["res.partner"])
        return Partner.browse([pid for pid, _name in Partner.name_search(text)])

    def test_name_typed_without_diacritics_finds_customer_and_contacts(self):
        found = self._found("bien xanh")
        self.assertIn(self.bien_xanh, found)
        # like any name search of a company: its contacts come with it
        self.assertIn(self.contact, found)
        self.assertIn(self.contact, self._found("dang van duc"))
        self.assertNotIn(self.ascii_named, found)

    def test_contacts_list_search_finds_names_without_diacritics(self):
        Partner = as_request(self.salesman, self.env["res.partner"])
        arch = Partner.get_views([(False, "search")])["views"]["search"]["arch"]
        self.assertIn("[('display_name', 'ilike', self)]", arch)
        found = Partner.search([("display_name", "ilike", "bien xanh")])
        self.assertIn(self.bien_xanh, found)

    def test_d_with_stroke_folds_to_d_both_ways(self):
        self.assertIn(self.contact, self._found("Duc"))
        self.assertIn(self.ascii_named, self._found("Đông Á"))

    def test_folded_name_follows_renames(self):
        self.bien_xanh.name = "Biển Đỏ"
        self.assertEqual(self.contact.name_folded, "bien do, dang van duc")
        self.assertIn(self.bien_xanh, self._found("bien do"))
        self.assertNotIn(self.bien_xanh, self._found("bien xanh"))

    def test_folded_name_has_a_trigram_index(self):
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'res_partner' "
            "AND indexname = 'res_partner__name_folded_index'"
        )
        (definition,) = self.env.cr.fetchone()
        self.assertIn("gin_trgm_ops", definition)
