from odoo import fields, models, tools
from odoo.tools import SQL

from ..tools import classification_levels_sql


class CrmCustomerClassificationReport(models.Model):
    """One row per customer and classification value, with the value's first two
    ancestors: grouping by a criterion's levels counts every customer under the region
    (or industry...) it belongs to, however deep it is classified."""

    _name = "crm.customer.classification.report"
    _description = "Customers by Classification"
    _auto = False
    _order = "criterion_id, classification_id, partner_id"
    _rec_name = "partner_id"
    _depends = {
        "res.partner": [
            "active",
            "classification_ids",
            "company_id",
            "customer_status",
            "customer_type",
            "last_interaction_date",
            "user_id",
        ],
        "crm.customer.classification": ["criterion_id", "parent_path"],
    }

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    criterion_id = fields.Many2one("crm.customer.criterion", readonly=True)
    classification_id = fields.Many2one(
        "crm.customer.classification", string="Value", readonly=True
    )
    level1_id = fields.Many2one(
        "crm.customer.classification", string="Level 1", readonly=True
    )
    level2_id = fields.Many2one(
        "crm.customer.classification", string="Level 2", readonly=True
    )
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    customer_type = fields.Selection(
        selection=lambda self: (
            self.env["res.partner"]
            ._fields["customer_type"]
            ._description_selection(self.env)
        ),
        readonly=True,
    )
    customer_status = fields.Selection(
        selection=lambda self: (
            self.env["res.partner"]
            ._fields["customer_status"]
            ._description_selection(self.env)
        ),
        readonly=True,
    )
    last_interaction_date = fields.Datetime(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        levels, level_joins = classification_levels_sql(SQL("partner.id"))
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT row_number() OVER (
                               ORDER BY rel.classification_id, rel.partner_id
                           ) AS id,
                           rel.partner_id,
                           %s,
                           partner.user_id,
                           partner.customer_type,
                           partner.customer_status,
                           partner.last_interaction_date,
                           partner.company_id
                      FROM res_partner partner
                      %s
                     WHERE partner.active
                )
                """,
                SQL.identifier(self._table),
                levels,
                level_joins,
            )
        )
