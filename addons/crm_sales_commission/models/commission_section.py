from odoo import api, models
from odoo.exceptions import ValidationError


class CommissionSection(models.Model):
    _inherit = "commission.section"

    # named to run before OCA's untranslated `_check_amounts`
    @api.constrains("amount_from", "amount_to", "percent")
    def _check_amount_order(self):
        for section in self:
            if section.amount_to < section.amount_from:
                start = format(section.amount_from, ",.0f")
                end = format(section.amount_to, ",.0f")
                raise ValidationError(
                    self.env._(
                        "A tier cannot end (%(end)s) below where it starts "
                        "(%(start)s).",
                        start=start,
                        end=end,
                    )
                )
            if section.percent < 0:
                raise ValidationError(self.env._("A tier's rate cannot be negative."))
