from odoo import api, fields, models
from odoo.exceptions import ValidationError

MIN_MARGIN_FIELDS = {
    "sea_fcl": "freight_min_margin_sea_fcl",
    "sea_lcl": "freight_min_margin_sea_lcl",
    "air": "freight_min_margin_air",
    "truck": "freight_min_margin_truck",
}


class ResCompany(models.Model):
    _inherit = "res.company"

    # Minimum margin (%) of a freight quotation before a manager must approve it
    freight_min_margin_sea_fcl = fields.Float(string="Minimum Margin Sea FCL (%)")
    freight_min_margin_sea_lcl = fields.Float(string="Minimum Margin Sea LCL (%)")
    freight_min_margin_air = fields.Float(string="Minimum Margin Air (%)")
    freight_min_margin_truck = fields.Float(string="Minimum Margin Trucking (%)")

    @api.constrains(*MIN_MARGIN_FIELDS.values())
    def _check_freight_min_margins(self):
        for company in self:
            if any(not 0 <= company[name] < 100 for name in MIN_MARGIN_FIELDS.values()):
                raise ValidationError(
                    self.env._("A minimum margin is a percentage from 0 to 99.")
                )

    def _get_freight_min_margin(self, freight_mode):
        self.ensure_one()
        return self[MIN_MARGIN_FIELDS[freight_mode]] if freight_mode else 0.0
