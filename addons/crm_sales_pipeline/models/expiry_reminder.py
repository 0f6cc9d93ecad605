from dateutil.relativedelta import relativedelta

from odoo import fields

from .res_company import MAX_REMINDER_DAYS


def company_todays(model):
    """Today's date in each company, where it works: {company: date}."""
    companies = model.env["res.company"].search([])  # pylint: disable=no-search-all
    return {company: company._crm_today() for company in companies}


def remind_before_expiry(model, domain, date_field, days_field, summary, note):
    """Give the salesperson of each record of ``domain`` one to-do activity when its
    ``date_field`` is within its company's ``days_field`` days; records carry an
    ``expiry_reminder_done`` flag, reset when the date changes. Returns the records
    reminded. "Today" is the day where each record's company works (a cron runs as
    OdooBot, whose time zone is not the company's)."""
    todays = company_todays(model)
    candidates = model.search(
        [
            *domain,
            (date_field, ">=", min(todays.values())),
            (
                date_field,
                "<=",
                max(todays.values()) + relativedelta(days=MAX_REMINDER_DAYS),
            ),
            ("expiry_reminder_done", "=", False),
        ]
    )

    def is_due(record):
        today = todays.get(record.company_id, fields.Date.context_today(model))
        return (
            today
            <= record[date_field]
            <= today + relativedelta(days=record.company_id[days_field])
        )

    due = candidates.filtered(is_due)
    for record in due:
        record.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=record[date_field],
            summary=summary,
            note=note(record),
            user_id=record.user_id.id or model.env.uid,
        )
    due.expiry_reminder_done = True
    return due
