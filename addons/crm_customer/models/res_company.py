import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import MAX_REMINDER_DAYS


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_birthday_reminder_days = fields.Integer(
        string="Birthday Reminder Days",
        default=7,
        help="How many days before a contact's birthday the salesperson is reminded.",
    )
    crm_share_interactions = fields.Boolean(
        string="Salespeople See Each Other's Interactions",
        help="When off, salespeople with 'own documents only' see only their own "
        "interactions and those on their customers.",
    )

    crm_customer_properties_definition = fields.PropertiesDefinition(
        string="Customer Free Fields",
    )

    @api.constrains("crm_birthday_reminder_days")
    def _check_crm_birthday_reminder_days(self):
        for company in self:
            if not 0 <= company.crm_birthday_reminder_days <= MAX_REMINDER_DAYS:
                raise ValidationError(
                    self.env._(
                        "Birthday reminders can be sent 0 to %(max)s days ahead.",
                        max=MAX_REMINDER_DAYS,
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if "crm_share_interactions" in vals:
            # record rules read this flag, and their domains are cached per user
            self.env.registry.clear_cache()
        return result

    def _crm_tz(self):
        """The time zone the company works in: its working calendar's when it has one
        (resource installed), else its address's, else UTC."""
        self.ensure_one()
        calendar = (
            self["resource_calendar_id"]
            if "resource_calendar_id" in self._fields
            else None
        )
        tz = (calendar and calendar.tz) or self.partner_id.tz or "UTC"
        return tz if tz in pytz.all_timezones_set else "UTC"

    def _crm_today(self):
        """Today's date where the company works: reminders and expiries run from
        crons as OdooBot, whose own time zone says nothing about the company's day."""
        self.ensure_one()
        return fields.Date.context_today(self.with_context(tz=self._crm_tz()))

    @api.model
    def _crm_todays(self):
        """Today's date in each company, where it works: {company: date}, for the
        crons that run across companies."""
        companies = self.search([])  # pylint: disable=no-search-all
        return {company: company._crm_today() for company in companies}
