from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import formatLang


class SaleOrderRevisionCompare(models.TransientModel):
    _name = "sale.order.revision.compare"
    _description = "Compare Quotation Revisions"

    old_order_id = fields.Many2one(
        "sale.order",
        string="Older Revision",
        required=True,
        ondelete="cascade",
        context={"active_test": False},
    )
    new_order_id = fields.Many2one(
        "sale.order",
        string="Newer Revision",
        required=True,
        ondelete="cascade",
        context={"active_test": False},
    )
    allowed_order_ids = fields.Many2many(
        related="new_order_id.revision_ids",
        string="Revisions of the Quotation",
        context={"active_test": False},
    )
    diff_html = fields.Html(
        string="Differences", compute="_compute_diff_html", sanitize=False
    )

    @api.depends("old_order_id", "new_order_id")
    def _compute_diff_html(self):
        for wizard in self:
            if not (wizard.old_order_id and wizard.new_order_id):
                wizard.diff_html = False
                continue
            wizard.diff_html = self.env["ir.qweb"]._render(
                "crm_sales_pipeline.sale_order_revision_diff",
                {
                    "old": wizard.old_order_id,
                    "new": wizard.new_order_id,
                    "diff": wizard._revision_diff(),
                },
            )

    @api.constrains("old_order_id", "new_order_id")
    def _check_same_quotation(self):
        for wizard in self:
            if wizard.old_order_id not in wizard.new_order_id.revision_ids:
                raise ValidationError(
                    self.env._(
                        "%(old)s is not a revision of the same quotation as %(new)s.",
                        old=wizard.old_order_id.name,
                        new=wizard.new_order_id.name,
                    )
                )

    def _revision_diff(self):
        """What changed from the older revision to the newer one: header fields and
        lines (matched by product, or by text for sections and notes)."""
        self.ensure_one()
        return {
            "fields": self._diff_fields(),
            "lines": self._diff_lines(),
        }

    def _compared_fields(self):
        return [
            "partner_id",
            "pricelist_id",
            "payment_term_id",
            "validity_date",
            "commitment_date",
            "note",
            "amount_untaxed",
            "amount_tax",
            "amount_total",
        ]

    def _diff_fields(self):
        old, new = self.old_order_id, self.new_order_id
        changes = []
        for field_name in self._compared_fields():
            field = old._fields[field_name]
            old_value, new_value = old[field_name], new[field_name]
            if old_value == new_value:
                continue
            changes.append(
                {
                    "label": field._description_string(self.env),
                    "old": self._display(old, field_name),
                    "new": self._display(new, field_name),
                }
            )
        return changes

    def _display(self, order, field_name):
        field = order._fields[field_name]
        value = order[field_name]
        if field.type == "many2one":
            return value.display_name or ""
        if field.type == "monetary":
            return self.env["ir.qweb.field.monetary"].value_to_html(
                value, {"display_currency": order.currency_id}
            )
        if field.type == "html":
            return value or ""
        return field.convert_to_display_name(value, order) if value else ""

    @staticmethod
    def _line_key(line):
        if line.display_type:
            return (line.display_type, line.name)
        return ("product", line.product_id.id)

    def _diff_lines(self):
        """One entry per line of either revision: added, removed, changed or same,
        with both sides' values. Lines of one product (the charges a freight
        quotation sells under one service product) are paired by their description
        first, then in their order."""
        old_lines = self._lines_by_key(self.old_order_id)
        new_lines = self._lines_by_key(self.new_order_id)
        keys = list(new_lines)
        keys += [key for key in old_lines if key not in new_lines]
        entries = []
        for key in keys:
            for old, new in self._pair_lines(
                old_lines.get(key, []), new_lines.get(key, [])
            ):
                entries.append(self._line_entry(old, new))
        return entries

    @staticmethod
    def _pair_lines(olds, news):
        """(old, new) pairs of lines of one key, ``None`` for a missing side: same
        descriptions together, the others in their order."""
        olds, pairs, unmatched = list(olds), [], []
        for new in news:
            same = next((old for old in olds if old.name == new.name), None)
            if same:
                olds.remove(same)
                pairs.append((same, new))
            else:
                unmatched.append(new)
        for index, new in enumerate(unmatched):
            pairs.append((olds[index] if index < len(olds) else None, new))
        pairs += [(old, None) for old in olds[len(unmatched) :]]
        return pairs

    def _lines_by_key(self, order):
        lines = {}
        for line in order.order_line:
            lines.setdefault(self._line_key(line), []).append(line)
        return lines

    def _line_values(self, line):
        return {
            "description": line.name,
            "quantity": line.product_uom_qty,
            "price_unit": line.price_unit,
            "discount": line.discount,
            "taxes": ", ".join(line.tax_id.mapped("name")),
            "subtotal": line.price_subtotal,
        }

    def _format_line_values(self, values, line):
        if not values:
            return {}
        return {
            **values,
            "quantity": formatLang(
                self.env, values["quantity"], dp="Product Unit of Measure"
            ),
            "price_unit": formatLang(
                self.env, values["price_unit"], dp="Product Price"
            ),
            "discount": formatLang(self.env, values["discount"], dp="Discount"),
            "subtotal": formatLang(
                self.env, values["subtotal"], currency_obj=line.currency_id
            ),
        }

    def _line_entry(self, old, new):
        line = new or old
        old_values = self._line_values(old) if old else {}
        new_values = self._line_values(new) if new else {}
        if not old:
            status = "added"
        elif not new:
            status = "removed"
        elif old_values != new_values:
            status = "changed"
        else:
            status = "same"
        return {
            "status": status,
            "display_type": line.display_type,
            "product": line.product_id.display_name or line.name,
            # the line's own first line: its charge or service as the customer reads
            # it ("THC - Terminal Handling Charge"), where several share a product
            "label": (line.name or "").splitlines()[0]
            if line.name
            else line.product_id.display_name,
            "old": old_values,
            "new": new_values,
            "old_display": self._format_line_values(old_values, old),
            "new_display": self._format_line_values(new_values, new),
            "changed": {
                key
                for key in old_values.keys() | new_values.keys()
                if old_values.get(key) != new_values.get(key)
            },
        }
