from odoo.tools import SQL
from odoo.tools.sql import column_exists

# "Already reminded" flags became the date reminded of (crm.deadline.reminder.mixin):
# a flag set means its record was reminded of the date it has now.
DATE_COLUMNS = {"sale_order": "validity_date", "crm_contract": "date_end"}


def migrate(cr, version):
    for table, date_column in DATE_COLUMNS.items():
        if column_exists(cr, table, "expiry_reminder_done"):
            cr.execute(
                SQL(
                    "UPDATE %s SET reminded_deadline = %s WHERE expiry_reminder_done",
                    SQL.identifier(table),
                    SQL.identifier(date_column),
                )
            )
