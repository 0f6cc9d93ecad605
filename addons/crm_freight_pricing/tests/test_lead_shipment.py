from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user

from odoo.addons.crm_customer.tests.common import as_request, assert_refused

from .common import FreightCommon


class TestLeadShipment(FreightCommon):
    """A salesperson (own documents, no cost group) notes the opportunity's lane and
    cargo, then quotes it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.cat_lai = ref("crm_freight_pricing.location_vncli")
        cls.rotterdam = ref("crm_freight_pricing.location_nlrtm")
        cls.fob = ref("account.incoterm_FOB")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Gỗ Bình Dương", "is_company": True, "user_id": cls.salesman.id}
        )

    def _new_opportunity(self):
        Lead = as_request(self.salesman, self.env["crm.lead"]).with_context(
            default_type="opportunity"
        )
        with Form(Lead) as lead:
            lead.name = "Furniture to Rotterdam"
            lead.partner_id = self.customer
            lead.service_kind = "sea_fcl"
            lead.origin_location_id = self.cat_lai
            lead.destination_location_id = self.rotterdam
            lead.freight_incoterm_id = self.fob
            lead.commodity = "Wooden furniture"
            with lead.container_line_ids.new() as line:
                line.container_type_id = self.c40hc
                line.quantity = 2
            with lead.container_line_ids.new() as line:
                line.container_type_id = self.c20
        return lead.record

    def test_lane_is_real_locations_and_fills_the_free_text(self):
        lead = as_request(self.salesman, self._new_opportunity())
        self.assertEqual(lead.freight_mode, "sea_fcl")
        self.assertEqual((lead.origin, lead.origin_country_id.code), ("Cat Lai", "VN"))
        self.assertEqual(
            (lead.destination, lead.destination_country_id.code), ("Rotterdam", "NL")
        )

    def test_free_text_lane_without_locations_is_kept(self):
        Lead = as_request(self.salesman, self.env["crm.lead"])
        lead = Lead.create(
            {"name": "Somewhere", "origin": "Bình Dương", "user_id": self.salesman.id}
        )
        lead.service_kind = "air"
        self.assertEqual(lead.origin, "Bình Dương")
        self.assertEqual(lead.freight_mode, "air")

    def test_containers_of_a_colleague_opportunity_stay_hidden(self):
        lead = self._new_opportunity()
        colleague = new_test_user(
            self.env, "lead_colleague", groups="sales_team.group_sale_salesman"
        )
        Container = as_request(colleague, self.env["crm.lead.freight.container"])
        self.assertFalse(Container.search([("lead_id", "=", lead.id)]))
        with assert_refused(
            self,
            AccessError,
            r"read. access to:\n- Containers of a Freight Opportunity",
        ):
            as_request(colleague, lead.container_line_ids).read(["quantity"])

    def test_quotation_from_the_opportunity_carries_its_shipment(self):
        lead = as_request(self.salesman, self._new_opportunity())
        action = lead.action_sale_quotations_new()
        Order = as_request(self.salesman, self.env["sale.order"]).with_context(
            **action["context"]
        )
        with Form(Order) as order:
            self.assertEqual(order.partner_id, self.customer)
        order = as_request(self.salesman, order.record)
        self.assertEqual(order.opportunity_id, lead)
        self.assertEqual(order.freight_mode, "sea_fcl")
        self.assertEqual(
            (order.origin_location_id, order.destination_location_id),
            (self.cat_lai, self.rotterdam),
        )
        self.assertEqual(order.freight_incoterm_id, self.fob)
        self.assertEqual(order.commodity, "Wooden furniture")
        self.assertEqual(
            {
                line.container_type_id: line.quantity
                for line in order.container_line_ids
            },
            {self.c40hc: 2, self.c20: 1},
        )
