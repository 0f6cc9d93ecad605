from odoo.tools import SQL

# freight.request.reason replaces both reason wizards: Odoo removes their models, access
# lines and rules on upgrade but leaves the tables of models it no longer knows.
OLD_WIZARD_TABLES = ("freight_inquiry_reject", "freight_booking_request_return")


def migrate(cr, version):
    for table in OLD_WIZARD_TABLES:
        cr.execute(SQL("DROP TABLE IF EXISTS %s CASCADE", SQL.identifier(table)))
