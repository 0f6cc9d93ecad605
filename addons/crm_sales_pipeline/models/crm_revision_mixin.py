from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# What may still change on a superseded revision: portal links and the chatter.
FROZEN_WRITABLE_FIELDS = {
    "access_token",
    "message_main_attachment_id",
    "message_follower_ids",
}


class CrmRevisionMixin(models.AbstractModel):
    """Documents revised by copies: the original keeps its name (SO001); each
    revision is a new record named SO001-R1, R2... and the one it replaces is
    archived and read-only. The inheriting model declares the relational fields,
    whose comodel is itself (``revision_root_id``, ``previous_revision_id``,
    ``superseded_by_id``, ``revision_child_ids``, ``revision_ids``; see
    ``sale.order``), and says which records may be revised in
    ``_check_revisable_state``."""

    _name = "crm.revision.mixin"
    _description = "Revised Document"

    active = fields.Boolean(default=True)
    revision_number = fields.Integer(readonly=True, copy=False)
    revision_reason = fields.Text(readonly=True, copy=False)
    revision_count = fields.Integer(compute="_compute_revision_ids")

    def _compute_revision_ids(self):
        for record in self:
            root = record.revision_root_id or record
            family = (root | root.revision_child_ids).sorted("revision_number")
            record.revision_ids = family
            record.revision_count = len(family)

    def write(self, vals):
        if vals.keys() - FROZEN_WRITABLE_FIELDS:
            self._check_not_superseded()
        return super().write(vals)

    def action_open_revision_wizard(self):
        self.ensure_one()
        self._check_can_be_revised()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Revision of %(record)s", record=self.display_name),
            "res_model": "crm.revision.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_res_model": self._name, "default_res_id": self.id},
        }

    def action_open_revisions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Revisions of %(record)s", record=self.display_name),
            "res_model": self._name,
            "view_mode": "list,form",
            "views": [(self._revision_list_view().id, "list"), (False, "form")],
            "domain": [("id", "in", self.revision_ids.ids)],
            "context": {"active_test": False, "create": False},
        }

    def _revision_list_view(self):
        raise NotImplementedError

    def _check_not_superseded(self):
        superseded = self.filtered("superseded_by_id")
        if superseded:
            raise UserError(
                self.env._(
                    "%(record)s has been superseded by a newer revision and can no "
                    "longer be changed.",
                    record=superseded[0].display_name,
                )
            )

    def _check_can_be_revised(self):
        for record in self:
            if record.superseded_by_id:
                raise UserError(
                    self.env._(
                        "%(record)s is an old revision: revise its newest one, "
                        "%(newest)s.",
                        record=record.display_name,
                        newest=record._newest_revision().display_name,
                    )
                )
        self._check_revisable_state()

    def _check_revisable_state(self):
        raise NotImplementedError

    def _newest_revision(self):
        self.ensure_one()
        return self.revision_ids[-1:]

    def _create_revision(self, reason):
        """Freeze this record and return its next revision, a copy numbered after
        the highest revision of the same original."""
        self.ensure_one()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(
                self.env._("Say why %(record)s is revised.", record=self.display_name)
            )
        root = self.revision_root_id or self
        # serialise concurrent revisions of one document: the second waits here and
        # then numbers after the first (the unique constraint is the last guard)
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = %s FOR UPDATE",
                SQL.identifier(self._table),
                root.id,
            )
        )
        self.invalidate_recordset(["superseded_by_id", "state"])
        self._check_can_be_revised()
        number = self._next_revision_number(root)
        revision = self.copy(self._prepare_revision_values(root, number, reason))
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
                "Revision of %(record)s: %(reason)s",
                record=self._get_html_link(),
                reason=reason,
            )
        )
        return revision

    def _prepare_revision_values(self, root, number, reason):
        return {
            "name": f"{root.name}-R{number}",
            "revision_root_id": root.id,
            "revision_number": number,
            "revision_reason": reason,
            "previous_revision_id": self.id,
        }

    def _next_revision_number(self, root):
        root.invalidate_recordset(["revision_child_ids"])
        return max(root.revision_child_ids.mapped("revision_number"), default=0) + 1
