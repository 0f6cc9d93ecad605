from odoo import api, fields, models

SALES_GROUPS = "sales_team.group_sale_salesman"


class CrmServiceCrossSellMixin(models.AbstractModel):
    """What a solved case can sell next: the customer's open needs and the
    competitor products the customer is not satisfied with. Read with the
    reader's own rights, so a salesperson sees only her customers' records."""

    _name = "crm.service.cross.sell.mixin"
    _description = "Cross-sell Suggestions of a Case"

    cross_sell_need_ids = fields.Many2many(
        "crm.customer.need",
        string="Open Needs",
        compute="_compute_cross_sell",
        groups=SALES_GROUPS,
    )
    cross_sell_competitor_product_ids = fields.Many2many(
        "crm.customer.competitor.product",
        string="Competitor Products to Win",
        compute="_compute_cross_sell",
        groups=SALES_GROUPS,
    )

    @api.depends("partner_id")
    def _compute_cross_sell(self):
        customers = self.partner_id.commercial_partner_id
        needs = self.env["crm.customer.need"].search(
            [
                ("partner_id", "in", customers.ids),
                ("state", "in", ("open", "in_progress")),
            ]
        )
        products = self.env["crm.customer.competitor.product"].search(
            [
                ("partner_id", "in", customers.ids),
                ("operating_status", "in", ("unsatisfied", "ending", "neutral")),
            ]
        )
        needs_by_customer = needs.grouped("partner_id")
        products_by_customer = products.grouped("partner_id")
        empty_needs = needs.browse()
        empty_products = products.browse()
        for record in self:
            customer = record.partner_id.commercial_partner_id
            record.cross_sell_need_ids = needs_by_customer.get(customer, empty_needs)
            record.cross_sell_competitor_product_ids = products_by_customer.get(
                customer, empty_products
            )
