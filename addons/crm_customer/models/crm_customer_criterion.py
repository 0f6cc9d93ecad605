from odoo import api, fields, models


class CrmCustomerCriterion(models.Model):
    _name = "crm.customer.criterion"
    _description = "Customer Classification Criterion"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    multi_valued = fields.Boolean(
        help="A customer may hold several values of this criterion at once.",
    )
    description = fields.Text(translate=True)
    classification_ids = fields.One2many(
        "crm.customer.classification", "criterion_id", string="Values"
    )
    classification_count = fields.Integer(compute="_compute_classification_count")

    def _compute_classification_count(self):
        counts = dict(
            self.env["crm.customer.classification"]._read_group(
                [("criterion_id", "in", self.ids)], ["criterion_id"], ["__count"]
            )
        )
        for criterion in self:
            criterion.classification_count = counts.get(criterion, 0)

    @api.constrains("multi_valued")
    def _check_multi_valued(self):
        self.filtered(
            lambda c: not c.multi_valued
        ).classification_ids.partner_ids.with_context(
            active_test=False
        )._check_single_valued_classifications()

    def action_open_classifications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_customer.crm_customer_classification_action"
        )
        action["domain"] = [("criterion_id", "=", self.id)]
        action["context"] = {"default_criterion_id": self.id, "active_test": False}
        return action

    def action_open_customer_report(self):
        """Customers counted by this criterion's values, rolled up to its top levels."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_customer.crm_customer_classification_report_action"
        )
        action["display_name"] = self.env._(
            "Customers by %(criterion)s", criterion=self.name
        )
        action["domain"] = [("criterion_id", "=", self.id)]
        action["context"] = {
            "pivot_row_groupby": ["level1_id", "level2_id"],
            "graph_groupbys": ["level1_id", "customer_type"],
        }
        return action
