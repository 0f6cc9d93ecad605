from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL


class CrmDeadlineReminderMixin(models.AbstractModel):
    """Remind a record's user once, a company-set number of days before a date of
    the record: a quotation's validity, a contract's end, a buy rate's end, an
    invoice's due date.

    The inheriting model names its date field (``_deadline_reminder_date_field``) and
    the ``res.company`` field holding how many days ahead to remind
    (``_deadline_reminder_days_field``); its ``company_id`` says whose day and
    setting apply. Hooks narrow which records are reminded, who is, and what the
    to-do says. The mixin stamps the date it reminded of (``reminded_deadline``):
    a record is due again only when its date differs from the stamp, so no flag has
    to be reset when the date moves.

    The model also inherits ``mail.activity.mixin`` (listed before this mixin):
    inheriting it here would give models that already have it, such as
    ``account.move``, no consistent method resolution order."""

    _name = "crm.deadline.reminder.mixin"
    _description = "Deadline Reminder"

    _deadline_reminder_date_field = None
    _deadline_reminder_days_field = None

    reminded_deadline = fields.Date(
        readonly=True,
        copy=False,
        help="The date its user was last reminded of: a new date gets a new reminder.",
    )

    @api.model
    def _cron_remind_deadlines(self):
        """Give the user of each record whose date falls within its company's reminder
        days one to-do, deadline that date, once per date. "Today" is each company's
        own day: the cron runs as OdooBot, whose time zone is not the company's.
        Returns the records reminded."""
        due = self._get_deadline_reminder_due()
        date_field = self._deadline_reminder_date_field
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        reminded_ids = []
        unassigned = self.browse()
        for record in due:
            user = record._get_deadline_reminder_user()
            if not user:
                unassigned |= record
                continue
            # the to-do reads in its user's language, not the cron's
            record = record.with_context(lang=user.lang)
            vals_list.append(
                {
                    "activity_type_id": todo.id,
                    "automated": True,
                    "res_model_id": model_id,
                    "res_id": record.id,
                    "user_id": user.id,
                    "date_deadline": record[date_field],
                    "summary": record._get_deadline_reminder_summary(),
                    "note": record._get_deadline_reminder_note(user),
                }
            )
            reminded_ids.append(record.id)
        # one batch for every record: Odoo subscribes each user once
        self.env["mail.activity"].create(vals_list)
        reminded_ids += unassigned._notify_deadline_reminder_admin().ids
        reminded = self.browse(reminded_ids)
        for deadline, records in reminded.grouped(date_field).items():
            records.reminded_deadline = deadline
        return reminded

    def _notify_deadline_reminder_admin(self):
        """Reminders nobody can be given (no active user) go, one e-mail per company,
        to the company's administrator e-mail; the records told of are returned and
        stamped like the others, so the administrator is told once per date.
        Without an administrator e-mail the records wait for a user."""
        notified = self.browse()
        for company, records in self.grouped("company_id").items():
            if not company:
                continue
            lang = company.partner_id.lang
            records = records.with_context(lang=lang)
            subject = self.with_context(lang=lang).env._(
                "Reminders with nobody to give them to"
            )
            lines = [
                self.with_context(lang=lang).env._(
                    "%(record)s, %(summary)s: %(note)s",
                    record=record.display_name,
                    summary=record._get_deadline_reminder_summary(),
                    note=record._get_deadline_reminder_note(self.env.user),
                )
                for record in records
            ]
            if company._crm_notify_admin(subject, lines):
                notified |= records
        return notified

    @api.model
    def _get_deadline_reminder_due(self):
        """The records to remind now, in one query whatever the number of companies:
        within their company's window, of a date not reminded of yet."""
        date_field = self._deadline_reminder_date_field
        windows = [
            [
                ("company_id", "=", company.id),
                (date_field, ">=", today),
                (
                    date_field,
                    "<=",
                    fields.Date.add(
                        today, days=company[self._deadline_reminder_days_field]
                    ),
                ),
            ]
            for company, today in self.env["res.company"]._crm_todays().items()
        ]
        if not windows:
            return self.browse()
        query = self._search(
            expression.AND(
                [self._get_deadline_reminder_domain(), expression.OR(windows)]
            ),
            order="id",
        )
        query.add_where(
            SQL(
                "%s IS DISTINCT FROM %s",
                self._field_to_sql(self._table, "reminded_deadline", query),
                self._field_to_sql(self._table, date_field, query),
            )
        )
        return self.browse(query)

    @api.model
    def _get_deadline_reminder_domain(self):
        """Which records are reminded at all, e.g. only signed contracts."""
        return []

    def _get_deadline_reminder_user(self):
        """Who is reminded: the record's user, else the cron's, when active (OdooBot,
        whom crons run as, is not). Without one the company's administrator e-mail
        is told, else the record waits until it has one."""
        self.ensure_one()
        user = self["user_id"] or self.env.user
        return user if user.active else self.env["res.users"]

    def _get_deadline_reminder_summary(self):
        """The to-do's summary, in the reminded user's language (context)."""
        self.ensure_one()
        return self.env._("Deadline soon")

    def _get_deadline_reminder_note(self, user):
        """The to-do's note, in ``user``'s language (context) and date format."""
        self.ensure_one()
        return self.env._(
            "%(record)s: %(date)s.",
            record=self.display_name,
            date=user._crm_format_date(self[self._deadline_reminder_date_field]),
        )
