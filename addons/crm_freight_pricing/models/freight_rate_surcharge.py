from odoo import api, fields, models

from .freight_charge_type import CHARGE_BASIS


class FreightRateSurcharge(models.Model):
    _name = "freight.rate.surcharge"
    _description = "Buy Rate Surcharge"
    _order = "rate_id, sequence, id"
    _check_company_auto = True

    rate_id = fields.Many2one(
        "freight.rate", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="rate_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    charge_type_id = fields.Many2one(
        "freight.charge.type", string="Charge", required=True
    )
    basis = fields.Selection(
        CHARGE_BASIS,
        compute="_compute_basis",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    amount = fields.Float(
        required=True,
        digits="Product Price",
        groups="crm_freight_pricing.group_freight_cost",
        help="Per unit of the basis, in the surcharge's currency; a percentage of the "
        "freight when the basis is a percentage.",
    )
    currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_currency_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    container_type_id = fields.Many2one(
        "freight.container.type",
        string="Only for",
        help="Leave empty when the surcharge applies whatever the container type.",
    )

    _sql_constraints = [
        ("amount_positive", "CHECK (amount >= 0)", "A surcharge cannot be negative."),
    ]

    @api.depends("charge_type_id")
    def _compute_basis(self):
        for surcharge in self:
            surcharge.basis = (
                surcharge.charge_type_id.basis or surcharge.basis or "shipment"
            )

    @api.depends("rate_id.currency_id")
    def _compute_currency_id(self):
        for surcharge in self:
            surcharge.currency_id = (
                surcharge.currency_id or surcharge.rate_id.currency_id
            )
