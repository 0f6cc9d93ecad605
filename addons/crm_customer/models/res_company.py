import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import email_normalize, html_escape

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

    crm_admin_email = fields.Char(
        string="Administrator E-mail",
        help="Receives the suite's system notices, e.g. reminders nobody can be "
        "given because the record has no salesperson.",
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

    @api.constrains("crm_admin_email")
    def _check_crm_admin_email(self):
        for company in self:
            if company.crm_admin_email and not email_normalize(company.crm_admin_email):
                raise ValidationError(
                    self.env._(
                        "The administrator e-mail %(email)s is not a valid e-mail "
                        "address.",
                        email=company.crm_admin_email,
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

    def _crm_notify_admin(self, subject, lines):
        """E-mail the company's administrator a system notice: ``subject`` and one
        paragraph per line. Nothing is sent without an administrator e-mail.
        Returns the mail.mail created, if any."""
        self.ensure_one()
        if not self.crm_admin_email or not lines:
            return self.env["mail.mail"]
        body = "".join(f"<p>{html_escape(line)}</p>" for line in lines)
        return self.env["mail.mail"].create(
            {
                "subject": subject,
                "body_html": body,
                "email_to": self.crm_admin_email,
                "email_from": self.email_formatted or self.env.user.email_formatted,
                "auto_delete": False,
            }
        )
