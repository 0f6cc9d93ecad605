"""Every amount the suite shows carries its currency.

The web client's monetary widget prints the currency only when the view loads the
field's currency field: a monetary field on a view without it shows a bare number
(`1,050.00`, dollars or dong?). Each form, list and kanban view the suite defines or
extends is checked as the web client gets it (the view combined with its extensions),
each embedded list or form in its own model.
"""

from odoo.tests import TransactionCase, tagged

SUITE_MODULES = {
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
}
VIEW_TYPES = ("form", "list", "kanban")


def _level_fields(node):
    """The field nodes of one view level, not those of embedded subviews."""
    fields = []
    for child in node:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "field":
            fields.append(child)
        else:
            fields.extend(_level_fields(child))
    return fields


@tagged("post_install", "-at_install")
class TestViewCurrencies(TransactionCase):
    def _bare_amounts(self, model, node, view_name):
        Model = self.env[model]
        nodes = _level_fields(node)
        loaded = {field_node.get("name") for field_node in nodes}
        bare = []
        for field_node in nodes:
            field = Model._fields.get(field_node.get("name"))
            if field is None:
                continue
            if (
                field.type == "monetary"
                and field._module in SUITE_MODULES
                and field.get_currency_field(Model) not in loaded
                and "currency_field" not in (field_node.get("options") or "")
            ):
                bare.append(f"{view_name}: {model}.{field.name}")
            if field.relational:
                for subview in field_node:
                    if isinstance(subview.tag, str) and subview.tag in VIEW_TYPES:
                        bare += self._bare_amounts(
                            field.comodel_name, subview, view_name
                        )
        return bare

    def test_every_amount_shows_its_currency(self):
        suite_views = self.env["ir.ui.view"].browse(
            self.env["ir.model.data"]
            .search(
                [("module", "in", list(SUITE_MODULES)), ("model", "=", "ir.ui.view")]
            )
            .mapped("res_id")
        )
        roots = self.env["ir.ui.view"]
        for view in suite_views.filtered(lambda view: view.type in VIEW_TYPES):
            while view.mode != "primary" and view.inherit_id:
                view = view.inherit_id
            roots |= view
        self.assertIn(self.env.ref("base.view_partner_form"), roots)
        bare = []
        for root in roots:
            bare += self._bare_amounts(
                root.model, root._get_combined_arch(), root.xml_id or root.name
            )
        self.assertEqual(bare, [], "amounts shown without their currency")
