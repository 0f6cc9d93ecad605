from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.crm_customer.tests.common import as_request

from .common import FreightCommon


@tagged("post_install", "-at_install")
class TestWizardOwner(FreightCommon):
    """A rate search, with the prices it found, is its creator's alone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_fcl_rate()
        cls.env["freight.rate.markup"].create(
            {"freight_mode": "sea_fcl", "markup_percent": 10.0}
        )
        cls.other_salesman = new_test_user(
            cls.env, "seller_other", groups="sales_team.group_sale_salesman_all_leads"
        )

    def test_other_salesperson_cannot_read_or_reuse_a_rate_search(self):
        search = as_request(self.salesman, self.env["freight.rate.search"]).create(
            {
                "freight_mode": "sea_fcl",
                "origin_location_id": self.pol.id,
                "destination_location_id": self.pod.id,
                "container_line_ids": [(0, 0, {"container_type_id": self.c20.id})],
            }
        )
        search.action_search()
        options = self._open(as_request(self.salesman, search).option_ids)
        self.assertTrue(options)
        records = (search, options, options.charge_ids, search.container_line_ids)
        for record in records:
            with self.assertRaisesRegex(
                AccessError,
                rf"doesn't have 'read' access to:\s+- {record._description}",
            ):
                as_request(self.other_salesman, record).read(["id"])
        with self.assertRaisesRegex(
            AccessError, r"doesn't have 'read' access to:\s+- Rate Search Option"
        ):
            as_request(self.other_salesman, options[0]).action_add_to_order()
        self.assertFalse(
            as_request(self.other_salesman, self.env["freight.rate.option"]).search(
                [("search_id", "=", search.id)]
            )
        )
