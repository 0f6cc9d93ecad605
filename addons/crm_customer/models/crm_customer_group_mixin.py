from odoo import fields, models
from odoo.tools import SQL

from ..tools import group_member_ids_sql


class CrmCustomerGroupMixin(models.AbstractModel):
    """A group of companies: a company customer (the parent company) and the
    companies under it (its subsidiaries), each keeping its own customer file.

    Added to ``res.partner``; the members of a group are found in one query per
    call (``_get_group_member_ids``), whatever the depth of the group.
    """

    _name = "crm.customer.group.mixin"
    _description = "Customer Group of Companies"

    subsidiary_ids = fields.One2many(
        "res.partner",
        "parent_id",
        string="Subsidiaries",
        domain=[("is_company", "=", True)],
        help="Companies whose parent company is this one; each keeps its own "
        "customer file.",
    )
    subsidiary_count = fields.Integer(compute="_compute_subsidiary_count")

    def _compute_subsidiary_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("parent_id", "in", self._origin.ids), ("is_company", "=", True)],
                ["parent_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.subsidiary_count = counts.get(partner._origin, 0)

    def action_open_group_timeline(self):
        """The timeline of the company and of all its subsidiaries."""
        self.ensure_one()
        action = self.action_open_timeline()
        member_ids = self._get_group_member_ids()[self.id]
        action["domain"] = [("partner_id", "in", member_ids)]
        action["display_name"] = self.env._(
            "Timeline of %(customer)s and its subsidiaries", customer=self.name
        )
        return action

    def _get_group_member_ids(self):
        """Per partner of ``self``: the ids of its group's members (itself and its
        subsidiaries at any depth), in one query."""
        if not self.ids:
            return {}
        self.env["res.partner"].flush_model(["parent_id", "is_company", "active"])
        rows = self.env.execute_query(
            SQL(
                "SELECT root.id, ARRAY%s FROM res_partner root WHERE root.id IN %s",
                group_member_ids_sql(SQL("root.id")),
                tuple(self.ids),
            )
        )
        return dict(rows)
