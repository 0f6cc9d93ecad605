"""Lists fit a 1366-pixel screen.

Vietnamese labels are long ("Nhân viên kinh doanh", "Hạn trả lời"): a list that shows
more than a handful of columns by default truncates them all on a laptop screen. Every
list view the suite defines or extends, as the web client gets it, shows at most
MAX_COLUMNS wide columns by default; the others are optional="hide" (the user adds them
from the column menu). Narrow columns (handles, priorities, avatars, activities,
check boxes) are not counted.
"""

from odoo.tests import TransactionCase, tagged

SUITE_MODULES = (
    "crm_customer",
    "crm_sales_pipeline",
    "crm_freight_pricing",
    "crm_service",
    "crm_accounting_bridge",
    "crm_marketing",
    "crm_marketing_mass_mailing",
    "crm_marketing_sales_pipeline",
    "crm_marketing_freight",
    "crm_service_freight",
    "crm_sales_commission",
    "crm_service_stock",
    "crm_service_repair",
    "crm_service_project",
    "crm_sales_commission_freight",
)
MAX_COLUMNS = 9
NARROW_WIDGETS = {
    "handle",
    "priority",
    "list_activity",
    "many2one_avatar_user",
    "boolean_toggle",
    "boolean",
}
HIDDEN = {"1", "True", "true"}


@tagged("post_install", "-at_install")
class TestListColumns(TransactionCase):
    def _wide_columns(self, model, arch):
        Model = self.env[model]
        columns = []
        for node in arch.iterfind("field"):
            field = Model._fields.get(node.get("name"))
            if (
                node.get("optional") == "hide"
                or node.get("column_invisible") in HIDDEN
                or node.get("invisible") in HIDDEN
                or node.get("widget") in NARROW_WIDGETS
                or (field is not None and field.type == "boolean")
            ):
                continue
            columns.append(node.get("name"))
        return columns

    def test_lists_fit_a_laptop_screen(self):
        views = self.env["ir.ui.view"].browse(
            self.env["ir.model.data"]
            .search([("module", "in", SUITE_MODULES), ("model", "=", "ir.ui.view")])
            .mapped("res_id")
        )
        roots = self.env["ir.ui.view"]
        for view in views.filtered(lambda view: view.type == "list"):
            while view.mode != "primary" and view.inherit_id:
                view = view.inherit_id
            roots |= view
        too_wide = {}
        for root in roots:
            columns = self._wide_columns(root.model, root._get_combined_arch())
            if len(columns) > MAX_COLUMNS:
                too_wide[root.xml_id or root.name] = columns
        self.assertEqual(too_wide, {}, f"more than {MAX_COLUMNS} columns shown")

    def test_years_read_as_years(self):
        """An integer year shows 2026, not 2.026 as Vietnamese number formatting
        would: Odoo 18's integer widget takes enable_formatting (an older 'format' is
        ignored)."""
        views = self.env["ir.ui.view"].browse(
            self.env["ir.model.data"]
            .search([("module", "in", SUITE_MODULES), ("model", "=", "ir.ui.view")])
            .mapped("res_id")
        )
        formatted = []
        for view in views.filtered(lambda view: view.type in ("list", "form")):
            arch = view._get_combined_arch() if view.mode == "primary" else None
            if arch is None:
                continue
            Model = self.env[view.model]
            for node in arch.iter("field"):
                field = Model._fields.get(node.get("name"))
                if (
                    field is not None
                    and field.type == "integer"
                    and field.name == "year"
                    and "'enable_formatting': false" not in (node.get("options") or "")
                ):
                    formatted.append(f"{view.xml_id}: {view.model}.year")
        self.assertEqual(formatted, [], "years shown with thousands separators")
