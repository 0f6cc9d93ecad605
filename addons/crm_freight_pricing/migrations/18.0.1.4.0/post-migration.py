from odoo.tools import SQL
from odoo.tools.sql import column_exists


def migrate(cr, version):
    # The "already reminded" flag became the date reminded of
    # (crm.deadline.reminder.mixin): a flag set means the rate was reminded of the
    # end date it has now.
    if column_exists(cr, "freight_rate", "expiry_reminder_done"):
        cr.execute(
            SQL(
                "UPDATE freight_rate SET reminded_deadline = date_to "
                "WHERE expiry_reminder_done"
            )
        )
