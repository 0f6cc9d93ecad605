import datetime

import pytz

from odoo import fields, models


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
        return [
            (field_name, ">=", self._utc(self.date_from)),
            (field_name, "<", self._utc(self.date_to + datetime.timedelta(days=1))),
        ]

    def _utc(self, day):
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        local = tz.localize(datetime.datetime.combine(day, datetime.time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)
