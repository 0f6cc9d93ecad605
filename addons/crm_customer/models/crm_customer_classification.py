from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class CrmCustomerClassification(models.Model):
    _name = "crm.customer.classification"
    _description = "Customer Classification Value"
    _parent_store = True
    _order = "criterion_id, sequence, name, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(index="btree_not_null")
    criterion_id = fields.Many2one(
        "crm.customer.criterion", required=True, index=True, ondelete="restrict"
    )
    parent_id = fields.Many2one(
        "crm.customer.classification",
        string="Parent Value",
        index=True,
        ondelete="restrict",
        domain="[('criterion_id', '=', criterion_id)]",
    )
    child_ids = fields.One2many(
        "crm.customer.classification", "parent_id", string="Sub-values"
    )
    parent_path = fields.Char(index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    partner_ids = fields.Many2many(
        "res.partner",
        "res_partner_crm_customer_classification_rel",
        "classification_id",
        "partner_id",
        string="Customers",
    )
    partner_count = fields.Integer(compute="_compute_partner_count")
    territory_user_ids = fields.Many2many(
        "res.users",
        "crm_customer_territory_user_rel",
        "classification_id",
        "user_id",
        string="Salespeople in Charge",
        domain="[('share', '=', False)]",
        help="Makes this value a sales territory: customers classified under it are "
        "assigned to these salespeople by the assignment wizard.",
    )

    @api.depends("name", "parent_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for value in self:
            names = []
            current = value
            while current:
                names.append(current.name or "")
                current = current.parent_id
            value.display_name = " / ".join(reversed(names))

    def _compute_partner_count(self):
        """Customers the user can see, classified under each value or a sub-value:
        one grouped query for the whole recordset, through the parent_path index."""
        counts = {}
        if self.ids:
            visible_partners = self.env["res.partner"]._search([])
            self.env.cr.execute(
                SQL(
                    """
                SELECT value.id, COUNT(DISTINCT rel.partner_id)
                  FROM crm_customer_classification value
                  JOIN crm_customer_classification descendant
                    ON descendant.parent_path LIKE value.parent_path || %s
                  JOIN res_partner_crm_customer_classification_rel rel
                    ON rel.classification_id = descendant.id
                 WHERE value.id IN %s AND rel.partner_id IN %s
                 GROUP BY value.id
                    """,
                    "%",
                    tuple(self.ids),
                    visible_partners.subselect(),
                )
            )
            counts = dict(self.env.cr.fetchall())
        for value in self:
            value.partner_count = counts.get(value.id, 0)

    @api.constrains("parent_id", "criterion_id")
    def _check_criterion_id(self):
        for value in self:
            family = value.parent_id | value.with_context(active_test=False).child_ids
            if any(other.criterion_id != value.criterion_id for other in family):
                raise ValidationError(
                    self.env._(
                        "The value %(value)s and its parent and sub-values must belong "
                        "to the same criterion.",
                        value=value.display_name,
                    )
                )

    def action_open_partners(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_customer.res_partner_action_customer"
        )
        action["domain"] = [("classification_ids", "child_of", self.id)]
        action["context"] = {}
        return action
