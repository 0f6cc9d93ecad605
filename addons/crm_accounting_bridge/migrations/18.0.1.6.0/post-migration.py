from odoo.tools import SQL
from odoo.tools.sql import column_exists


def migrate(cr, version):
    # The due date the salesperson was reminded of became the stamp of
    # crm.deadline.reminder.mixin: same meaning, new column.
    if column_exists(cr, "account_move", "receivable_reminder_due_date"):
        cr.execute(
            SQL(
                "UPDATE account_move SET reminded_deadline = "
                "receivable_reminder_due_date "
                "WHERE receivable_reminder_due_date IS NOT NULL"
            )
        )
