from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class CrmCustomerInteractionExportWizard(models.TransientModel):
    _name = "crm.customer.interaction.export.wizard"
    _inherit = ["crm.customer.period.export", "crm.customer.xlsx.query.export"]
    _description = "Export the Interaction Log to Excel"

    user_ids = fields.Many2many(
        "res.users",
        relation="crm_customer_interaction_export_user_rel",
        string="Salespeople",
        domain="[('share', '=', False)]",
        help="Leave empty for every salesperson whose interactions you may see.",
    )
    type_ids = fields.Many2many(
        "crm.customer.interaction.type",
        relation="crm_customer_interaction_export_type_rel",
        string="Types",
        help="Leave empty for every type.",
    )
    interaction_count = fields.Integer(compute="_compute_interaction_count")

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(self.env._("The period ends before it starts."))

    @api.depends("date_from", "date_to", "user_ids", "type_ids")
    def _compute_interaction_count(self):
        for wizard in self:
            wizard.interaction_count = (
                self.env["crm.customer.interaction"].search_count(
                    wizard._export_domain()
                )
                if wizard.date_from and wizard.date_to
                else 0
            )

    def _export_model(self):
        return "crm.customer.interaction"

    def _export_order(self):
        return "date_start, id"

    def _export_domain(self):
        """Interactions starting within the period, in the user's time zone."""
        domain = self._period_domain("date_start")
        if self.user_ids:
            domain.append(("user_id", "in", self.user_ids.ids))
        if self.type_ids:
            domain.append(("type_id", "in", self.type_ids.ids))
        return domain

    def _export_title(self):
        return self.env._("Interactions")

    def _export_sql_columns(self, query, select):
        partners = self.env["res.partner"]
        columns = [
            self._sql_field_column(query, select, field_name)
            for field_name in (
                "date_start",
                "date_end",
                "type_id",
                "name",
                "partner_id",
            )
        ]
        # the customer's code, on the customer joined for its name
        partner_alias = query.make_alias(query.table, "partner_id")
        code = self._sql_field_value(query, partners, partner_alias, "customer_code")
        columns.append(
            (
                partners._fields["customer_code"]._description_string(self.env),
                select(SQL("COALESCE(%s, '')", code)),
            )
        )
        columns += [
            self._sql_field_column(query, select, field_name)
            for field_name in ("contact_id", "user_id", "state", "result", "next_date")
        ]
        return columns
