from odoo import fields, models


class CrmCustomerCompetitorProduct(models.Model):
    _name = "crm.customer.competitor.product"
    _description = "Competitor Product Used by a Customer"
    _inherit = ["crm.customer.record.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Product or Service", required=True)
    supplier_id = fields.Many2one(
        "res.partner",
        index="btree_not_null",
        check_company=True,
        domain="[('customer_type', '=', 'competitor')]",
    )
    supplier_name = fields.Char(
        help="The supplier, when it is not in the customer file."
    )
    operating_status = fields.Selection(
        [
            ("satisfied", "Satisfied"),
            ("neutral", "Neutral"),
            ("unsatisfied", "Unsatisfied"),
            ("ending", "Contract Ending"),
        ],
        help="How the product or service runs for the customer.",
    )
    contract_end_date = fields.Date(
        index="btree_not_null",
        help="When the customer's contract with this supplier ends: the time to win "
        "the business back.",
    )
