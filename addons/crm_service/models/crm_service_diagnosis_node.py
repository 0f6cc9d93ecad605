from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmServiceDiagnosisNode(models.Model):
    """One step of a diagnosis tree: a question whose answers lead to the next
    step, or a conclusion (no answers) naming the article or category the case
    ends on."""

    _name = "crm.service.diagnosis.node"
    _description = "Diagnosis Step"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(
        string="Question or Conclusion", required=True, translate=True, index="trigram"
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_start = fields.Boolean(
        string="Starting Question",
        help="Agents start a diagnosis on one of the starting questions.",
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    hint = fields.Text(help="What the agent checks or asks before answering.")
    answer_ids = fields.One2many(
        "crm.service.diagnosis.answer", "node_id", string="Answers", copy=True
    )
    is_conclusion = fields.Boolean(
        compute="_compute_is_conclusion",
        store=True,
        help="A step without answers ends the diagnosis.",
    )
    article_id = fields.Many2one(
        "crm.service.article",
        index="btree_not_null",
        check_company=True,
        help="The solution article the diagnosis links to the case.",
    )
    category_id = fields.Many2one(
        "helpdesk.ticket.category",
        index="btree_not_null",
        check_company=True,
        help="The category the diagnosis sets on the case.",
    )

    @api.depends("answer_ids")
    def _compute_is_conclusion(self):
        for node in self:
            node.is_conclusion = not node.answer_ids

    @api.constrains("name", "answer_ids", "article_id", "category_id")
    def _check_conclusion(self):
        for node in self:
            if not node.answer_ids and not node.article_id and not node.category_id:
                raise ValidationError(
                    self.env._(
                        "The step %(step)s has no answers: as a conclusion it must "
                        "name an article or a category.",
                        step=node.name,
                    )
                )

    def _check_no_loop(self):
        """A diagnosis must end: no answer may lead back to a step already asked."""
        for start in self:
            seen = start.browse()
            todo = start.answer_ids.next_node_id
            while todo:
                if start in todo:
                    raise ValidationError(
                        self.env._(
                            "The answers of %(step)s lead back to it: a diagnosis "
                            "would never end.",
                            step=start.name,
                        )
                    )
                seen |= todo
                todo = todo.answer_ids.next_node_id - seen
