from odoo import fields, models

from ..models.freight_charge_type import CHARGE_BASIS

COST_GROUP = "crm_freight_pricing.group_freight_cost"


class FreightRateOptionCharge(models.TransientModel):
    _name = "freight.rate.option.charge"
    _description = "Rate Search Option Charge"

    option_id = fields.Many2one(
        "freight.rate.option", required=True, ondelete="cascade"
    )
    charge_type_id = fields.Many2one("freight.charge.type", required=True)
    name = fields.Char(required=True)
    is_freight = fields.Boolean()
    basis = fields.Selection(CHARGE_BASIS)
    quantity = fields.Float(digits=(16, 3))
    unit_price = fields.Float(
        string="Buy Price", digits="Product Price", groups=COST_GROUP
    )
    charge_currency_id = fields.Many2one("res.currency", string="Buy Currency")
    cost = fields.Monetary(currency_field="charge_currency_id", groups=COST_GROUP)
    currency_id = fields.Many2one(related="option_id.currency_id")
    unit_cost = fields.Float(digits="Product Price", groups=COST_GROUP)
    cost_converted = fields.Monetary(groups=COST_GROUP)
    unit_floor = fields.Float(string="Floor Price", digits="Product Price")
    floor = fields.Monetary(string="Sell Floor")
    unit_sell = fields.Float(string="Sell Price", digits="Product Price")
    sell = fields.Monetary()
