from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class CrmServiceDiagnosisWizard(models.TransientModel):
    """Walk a case through a diagnosis tree: each answer leads to the next step;
    the conclusion sets the case's category, links its article and logs the path
    on the case."""

    _name = "crm.service.diagnosis.wizard"
    _description = "Diagnose a Case"
    _check_company_auto = True

    ticket_id = fields.Many2one("helpdesk.ticket", string="Case", required=True)
    node_id = fields.Many2one(
        "crm.service.diagnosis.node",
        string="Step",
        required=True,
        check_company=True,
        domain="[('is_start', '=', True), ('company_id', 'in', [company_id, False])]",
        default=lambda self: self._default_node_id(),
    )
    company_id = fields.Many2one(related="ticket_id.company_id")
    hint = fields.Text(related="node_id.hint")
    is_conclusion = fields.Boolean(related="node_id.is_conclusion")
    article_id = fields.Many2one(related="node_id.article_id")
    category_id = fields.Many2one(related="node_id.category_id")
    answer_id = fields.Many2one(
        "crm.service.diagnosis.answer",
        check_company=True,
        domain="[('node_id', '=', node_id)]",
    )
    path = fields.Text(readonly=True, help="The questions asked and answers given.")

    @api.model
    def _default_node_id(self):
        return self.env["crm.service.diagnosis.node"].search(
            [("is_start", "=", True)], limit=1
        )

    def action_answer(self):
        """Record the answer and move to the step it leads to."""
        self.ensure_one()
        if not self.answer_id:
            raise UserError(self.env._("Choose an answer first."))
        if self.answer_id.node_id != self.node_id:
            raise UserError(
                self.env._(
                    "%(answer)s is not an answer to %(question)s.",
                    answer=self.answer_id.name,
                    question=self.node_id.name,
                )
            )
        step = self.env._(
            "%(question)s → %(answer)s",
            question=self.node_id.name,
            answer=self.answer_id.name,
        )
        self.write(
            {
                "path": "\n".join(filter(None, [self.path, step])),
                "node_id": self.answer_id.next_node_id.id,
                "answer_id": False,
            }
        )
        return self._reopen()

    def action_apply(self):
        """Apply the conclusion to the case and log the path in its chatter."""
        self.ensure_one()
        node = self.node_id
        if not node.is_conclusion:
            raise UserError(
                self.env._(
                    "%(question)s still needs an answer before the diagnosis ends.",
                    question=node.name,
                )
            )
        vals = {}
        if node.category_id:
            vals["category_id"] = node.category_id.id
        if node.article_id:
            vals["article_ids"] = [Command.link(node.article_id.id)]
        steps = Markup("").join(
            Markup("<li>%s</li>") % line for line in (self.path or "").splitlines()
        )
        self.ticket_id.message_post(
            body=Markup("<p>%s</p><ul>%s</ul><p>%s</p>")
            % (
                self.env._("Diagnosis:"),
                steps,
                self.env._("Conclusion: %(conclusion)s", conclusion=node.name),
            ),
            subtype_xmlid="mail.mt_note",
        )
        # after the note: a new category may route the case to another team
        self.ticket_id.write(vals)
        return {"type": "ir.actions.act_window_close"}

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Diagnose"),
        }
