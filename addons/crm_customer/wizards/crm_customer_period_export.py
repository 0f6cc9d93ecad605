import datetime

from odoo import fields, models

from ..tools import local_day_start_utc


class CrmCustomerPeriodExport(models.AbstractModel):
    """A streamed export of what happened in a period of days, read in the user's
    time zone: a day in Hanoi starts at 17:00 UTC the day before."""

    _name = "crm.customer.period.export"
    _inherit = "crm.customer.xlsx.export"
    _description = "Streamed Excel Export of a Period"

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(
        string="To", required=True, default=lambda self: fields.Date.context_today(self)
    )

    def _period_domain(self, field_name):
        """Records whose datetime ``field_name`` falls on a day of the period."""
        tz_name = self.env.context.get("tz") or self.env.user.tz
        next_day = self.date_to + datetime.timedelta(days=1)
        return [
            (field_name, ">=", local_day_start_utc(self.date_from, tz_name)),
            (field_name, "<", local_day_start_utc(next_day, tz_name)),
        ]
