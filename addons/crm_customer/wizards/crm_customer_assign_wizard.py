from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmCustomerAssignWizard(models.TransientModel):
    _name = "crm.customer.assign.wizard"
    _description = "Assign Customers to Salespeople"

    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        default=lambda self: self._default_partner_ids(),
        required=True,
    )
    mode = fields.Selection(
        [
            ("user", "To one salesperson"),
            ("territory", "By territory"),
        ],
        default="user",
        required=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Salesperson", domain="[('share', '=', False)]"
    )

    @api.model
    def _default_partner_ids(self):
        if self.env.context.get("active_model") == "res.partner":
            return self.env.context.get("active_ids", [])
        return []

    def action_assign(self):
        self.ensure_one()
        if self.mode == "user":
            if not self.user_id:
                raise UserError(self.env._("Choose the salesperson to assign."))
            self.partner_ids.write({"user_id": self.user_id.id})
            return {"type": "ir.actions.act_window_close"}
        unassigned = self.env["res.partner"]
        for user, partners in self._group_by_territory_user().items():
            if user:
                partners.write({"user_id": user.id})
            else:
                unassigned |= partners
        if unassigned:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "warning",
                    "message": self.env._(
                        "%(count)s customers are in no territory and kept their "
                        "salesperson: %(names)s",
                        count=len(unassigned),
                        names=", ".join(unassigned[:10].mapped("display_name")),
                    ),
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        return {"type": "ir.actions.act_window_close"}

    def _group_by_territory_user(self):
        """The salesperson of the most specific territory above each customer's
        classifications (Quận 1 wins over TP.HCM, which wins over Miền Nam)."""
        territories = self.env["crm.customer.classification"].search(
            [("territory_user_ids", "!=", False)]
        )
        by_path = {territory.parent_path: territory for territory in territories}
        result = {}
        for partner in self.partner_ids:
            best = None
            for value in partner.classification_ids:
                for path, territory in by_path.items():
                    if value.parent_path.startswith(path) and (
                        not best or len(path) > len(best.parent_path)
                    ):
                        best = territory
            user = best.territory_user_ids[:1] if best else self.env["res.users"]
            result.setdefault(user, self.env["res.partner"])
            result[user] |= partner
        return result
