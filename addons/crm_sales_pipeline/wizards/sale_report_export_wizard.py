from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date


class SaleReportExportWizard(models.TransientModel):
    """Confirmed order lines of a period, sorted by product or by customer, streamed
    to an xlsx file; the sales analysis' record rules decide which lines a user gets."""

    _name = "sale.report.export.wizard"
    _inherit = "crm.customer.period.export"
    _description = "Export the Order Summary to Excel"

    group_by = fields.Selection(
        selection=[("product", "Product"), ("customer", "Customer")],
        required=True,
        default="product",
        help="The first column, by which the lines are sorted.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        domain="[('share', '=', False)]",
        help="Leave empty for every salesperson whose orders you may see.",
    )
    line_count = fields.Integer(compute="_compute_line_count")

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(
                    self.env._(
                        "The period ends (%(date_to)s) before it starts "
                        "(%(date_from)s).",
                        date_to=format_date(self.env, wizard.date_to),
                        date_from=format_date(self.env, wizard.date_from),
                    )
                )

    @api.depends("date_from", "date_to", "user_id")
    def _compute_line_count(self):
        for wizard in self:
            wizard.line_count = (
                self.env["sale.report"].search_count(wizard._export_domain())
                if wizard.date_from and wizard.date_to
                else 0
            )

    def _export_model(self):
        return "sale.report"

    def _export_order(self):
        first = "product_id" if self.group_by == "product" else "partner_id"
        return f"{first}, date, id"

    def _export_domain(self):
        """Confirmed orders dated within the period, in the user's time zone."""
        domain = [
            ("state", "=", "sale"),
            *self._period_domain("date"),
        ]
        if self.user_id:
            domain.append(("user_id", "=", self.user_id.id))
        return domain

    def _export_title(self):
        return self.env._("Order Summary")

    def _export_columns(self):
        lines = self.env["sale.report"]
        _header, product = self._field_column(lines, "product_id")
        keys = [
            # "Product Variant" on the report: for a sales summary it is the product
            (self.env._("Product"), product),
            self._field_column(lines, "partner_id"),
        ]
        if self.group_by == "customer":
            keys.reverse()
        return keys + [
            self._field_column(lines, field_name)
            for field_name in (
                "name",
                "date",
                "user_id",
                "product_uom_qty",
                "product_uom",
                "price_subtotal",
                "price_total",
            )
        ]
