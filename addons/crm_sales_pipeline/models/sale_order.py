from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# What may still change on a superseded revision: portal links and the chatter.
FROZEN_WRITABLE_FIELDS = {
    "access_token",
    "message_main_attachment_id",
    "message_follower_ids",
}


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # Revisions: the original quotation keeps its name (SO001); each revision is a new
    # order numbered SO001-R1, R2... and the one it replaces is archived, read-only.
    active = fields.Boolean(default=True)
    revision_root_id = fields.Many2one(
        "sale.order",
        string="Original Quotation",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    revision_number = fields.Integer(readonly=True, copy=False)
    revision_reason = fields.Text(readonly=True, copy=False)
    previous_revision_id = fields.Many2one(
        "sale.order", string="Revised From", readonly=True, copy=False
    )
    superseded_by_id = fields.Many2one(
        "sale.order",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    revision_child_ids = fields.One2many(
        "sale.order",
        "revision_root_id",
        string="Later Revisions",
        context={"active_test": False},
    )
    revision_ids = fields.Many2many(
        "sale.order",
        string="Revisions",
        compute="_compute_revision_ids",
        context={"active_test": False},
        help="Every revision of this quotation, the original first.",
    )
    revision_count = fields.Integer(compute="_compute_revision_ids")

    _sql_constraints = [
        (
            "revision_number_unique",
            "UNIQUE(revision_root_id, revision_number)",
            "This quotation already has a revision with that number.",
        ),
    ]

    @api.depends(
        "revision_root_id.revision_child_ids.revision_number",
        "revision_child_ids.revision_number",
    )
    def _compute_revision_ids(self):
        for order in self:
            root = order.revision_root_id or order
            family = (root | root.revision_child_ids).sorted("revision_number")
            order.revision_ids = family
            order.revision_count = len(family)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def write(self, vals):
        if vals.keys() - FROZEN_WRITABLE_FIELDS:
            self._check_not_superseded()
        return super().write(vals)

    def _check_not_superseded(self):
        superseded = self.filtered("superseded_by_id")
        if superseded:
            raise UserError(
                self.env._(
                    "%(order)s has been superseded by a newer revision and can no "
                    "longer be changed.",
                    order=superseded[0].name,
                )
            )

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_open_revision_wizard(self):
        self.ensure_one()
        self._check_can_be_revised()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Revision of %(order)s", order=self.name),
            "res_model": "sale.order.revision.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def action_open_revisions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Revisions of %(order)s", order=self.name),
            "res_model": "sale.order",
            "view_mode": "list,form",
            "views": [
                (
                    self.env.ref("crm_sales_pipeline.sale_order_view_list_revision").id,
                    "list",
                ),
                (False, "form"),
            ],
            "domain": [("id", "in", self.revision_ids.ids)],
            "context": {"active_test": False, "create": False},
        }

    def action_open_revision_compare(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Compare Revisions"),
            "res_model": "sale.order.revision.compare",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_new_order_id": self.id,
                "default_old_order_id": (
                    self.previous_revision_id or self.revision_ids[:1]
                ).id,
            },
        }

    # ------------------------------------------------------------
    # Revisions
    # ------------------------------------------------------------

    def _check_can_be_revised(self):
        for order in self:
            if order.superseded_by_id:
                raise UserError(
                    self.env._(
                        "%(order)s is an old revision: revise its newest one, "
                        "%(newest)s.",
                        order=order.name,
                        newest=order._newest_revision().name,
                    )
                )
            if order.state not in ("draft", "sent"):
                raise UserError(
                    self.env._(
                        "%(order)s is no longer a quotation: only draft or sent "
                        "quotations can be revised.",
                        order=order.name,
                    )
                )

    def _newest_revision(self):
        self.ensure_one()
        return self.revision_ids[-1:]

    def _create_revision(self, reason):
        """Freeze this quotation and return its next revision, a copy numbered after
        the highest revision of the same original."""
        self.ensure_one()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Say why the quotation is revised."))
        root = self.revision_root_id or self
        # serialise concurrent revisions of one quotation: the second waits here and
        # then numbers after the first (the unique constraint is the last guard)
        self.env.cr.execute(
            SQL("SELECT id FROM sale_order WHERE id = %s FOR UPDATE", root.id)
        )
        self.invalidate_recordset(["superseded_by_id", "state"])
        self._check_can_be_revised()
        number = self._next_revision_number(root)
        base_name = root.name
        revision = self.copy(
            {
                "name": f"{base_name}-R{number}",
                "revision_root_id": root.id,
                "revision_number": number,
                "revision_reason": reason,
                "previous_revision_id": self.id,
                "client_order_ref": self.client_order_ref,
                "opportunity_id": self.opportunity_id.id,
            }
        )
        self.write({"superseded_by_id": revision.id, "active": False})
        self.message_post(
            body=self.env._(
                "Superseded by %(revision)s: %(reason)s",
                revision=revision._get_html_link(),
                reason=reason,
            )
        )
        revision.message_post(
            body=self.env._(
                "Revision of %(order)s: %(reason)s",
                order=self._get_html_link(),
                reason=reason,
            )
        )
        return revision

    def _next_revision_number(self, root):
        root.invalidate_recordset(["revision_child_ids"])
        return max(root.revision_child_ids.mapped("revision_number"), default=0) + 1

    # ------------------------------------------------------------
    # Confirmation and signature
    # ------------------------------------------------------------

    def _confirmation_error_message(self):
        if self.superseded_by_id:
            return self.env._(
                "%(order)s is an old revision: only its newest revision, %(newest)s, "
                "can be confirmed.",
                order=self.name,
                newest=self._newest_revision().name,
            )
        return super()._confirmation_error_message()

    def _has_to_be_signed(self):
        return not self.superseded_by_id and super()._has_to_be_signed()

    def _has_to_be_paid(self):
        return not self.superseded_by_id and super()._has_to_be_paid()
