from odoo import fields, models


class FreightRateOption(models.TransientModel):
    _inherit = "freight.rate.option"

    promotion_campaign_id = fields.Many2one(
        "utm.campaign",
        string="Promotion",
        readonly=True,
        check_company=True,
        help="The campaign whose rate promotion gives this option its sell floor; "
        "the quotation it is added to is attributed to that campaign.",
    )

    def _prepare_order_values(self, order):
        values = super()._prepare_order_values(order)
        if self.promotion_campaign_id and not order.campaign_id:
            values["campaign_id"] = self.promotion_campaign_id.id
        return values
