from datetime import date

from odoo import api, fields, models


class CrmSuitePeriodTarget(models.Model):
    """The least a period target needs: its month's first day from the year and the
    month."""

    _name = "test.crm.suite.period.target"
    _description = "Test Period Target"
    _inherit = ["mail.thread", "crm.period.target.mixin"]
    _check_company_auto = True

    date_from = fields.Date(compute="_compute_date_from", store=True)

    @api.depends("year", "month")
    def _compute_date_from(self):
        for target in self:
            valid = target.month and 2000 <= target.year <= 2999
            target.date_from = valid and date(target.year, int(target.month), 1)
