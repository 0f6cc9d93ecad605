from odoo import models
from odoo.tools.misc import (
    babel_locale_parse,
    format_date,
    format_datetime,
    get_lang,
    posix_to_ldml,
)


class ResUsers(models.Model):
    _inherit = "res.users"

    def _crm_format_date(self, value, tz=None):
        """``value`` (a date, or a UTC datetime) as this user reads a date: in their
        language's date format (dd/mm/yyyy in Vietnamese) and, for a datetime, on
        the day it is in their time zone (or ``tz``)."""
        self.ensure_one()
        env = self.env(context=dict(self.env.context, tz=tz or self.tz or "UTC"))
        return format_date(env, value, lang_code=self.lang or None)

    def _crm_format_datetime(self, value, tz=None):
        """``value`` (a UTC datetime) as this user reads it: their time zone (or
        ``tz``, for a message many read, e.g. the company's), their language's date
        format and short time ("02/12/2026 18:00" in Vietnamese)."""
        self.ensure_one()
        if not value:
            return ""
        lang = get_lang(self.env, self.lang or None)
        locale = babel_locale_parse(lang.code)
        pattern = " ".join(
            posix_to_ldml(fmt, locale=locale)
            for fmt in (lang.date_format, lang.short_time_format)
        )
        return format_datetime(
            self.env,
            value,
            tz=tz or self.tz or "UTC",
            dt_format=pattern,
            lang_code=lang.code,
        )
