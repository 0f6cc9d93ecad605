from odoo import models


class SaleReport(models.Model):
    _inherit = "sale.report"

    def _where_sale(self):
        # superseded revisions would count a quotation once per revision
        return f"{super()._where_sale()} AND s.active"
