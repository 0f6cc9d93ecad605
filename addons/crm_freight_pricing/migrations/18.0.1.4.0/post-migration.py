from odoo.tools import SQL
from odoo.tools.sql import column_exists

# freight.request.reason replaces both reason wizards: Odoo removes their models, access
# lines and rules on upgrade but leaves the tables of models it no longer knows.
OLD_WIZARD_TABLES = ("freight_inquiry_reject", "freight_booking_request_return")


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
    for table in OLD_WIZARD_TABLES:
        cr.execute(SQL("DROP TABLE IF EXISTS %s CASCADE", SQL.identifier(table)))
