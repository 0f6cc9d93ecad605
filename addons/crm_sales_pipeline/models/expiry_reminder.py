from dateutil.relativedelta import relativedelta

from odoo import fields

from .res_company import MAX_REMINDER_DAYS


def remind_before_expiry(model, domain, date_field, days_field, summary, note):
    """Give the salesperson of each record of ``domain`` one to-do activity when its
    ``date_field`` is within its company's ``days_field`` days; records carry an
    ``expiry_reminder_done`` flag, reset when the date changes. Returns the records
    reminded."""
    today = fields.Date.context_today(model)
    candidates = model.search(
        [
            *domain,
            (date_field, ">=", today),
            (date_field, "<=", today + relativedelta(days=MAX_REMINDER_DAYS)),
            ("expiry_reminder_done", "=", False),
        ]
    )
    due = candidates.filtered(
        lambda record: (
            record[date_field]
            <= today + relativedelta(days=record.company_id[days_field])
        )
    )
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
