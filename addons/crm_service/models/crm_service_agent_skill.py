from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmServiceAgentSkill(models.Model):
    _name = "crm.service.agent.skill"
    _description = "Service Agent Skill"
    _order = "user_id, skill_type, id"

    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("share", "=", False)],
    )
    skill_type = fields.Selection(
        [
            ("category", "Case Category"),
            ("product", "Product"),
            ("language", "Language"),
        ],
        string="Kind",
        required=True,
        default="category",
    )
    category_id = fields.Many2one(
        "helpdesk.ticket.category",
        index="btree_not_null",
        help="The agent handles cases of this category and of its sub-categories.",
    )
    product_id = fields.Many2one("product.product", index="btree_not_null")
    lang_id = fields.Many2one(
        "res.lang",
        string="Language",
        context={"active_test": False},
        help="The agent answers customers who speak this language.",
    )

    @api.depends("skill_type", "category_id", "product_id", "lang_id")
    def _compute_display_name(self):
        for skill in self:
            if skill.skill_type == "category":
                skill.display_name = skill.category_id.display_name
            elif skill.skill_type == "product":
                skill.display_name = skill.product_id.display_name
            else:
                skill.display_name = skill.lang_id.name

    @api.constrains("skill_type", "category_id", "product_id", "lang_id")
    def _check_skill(self):
        for skill in self:
            value = {
                "category": skill.category_id,
                "product": skill.product_id,
                "language": skill.lang_id,
            }[skill.skill_type]
            if not value:
                kind = dict(self._fields["skill_type"]._description_selection(self.env))
                raise ValidationError(
                    self.env._(
                        "A skill of %(agent)s of the kind %(kind)s needs a value: "
                        "say which one.",
                        agent=skill.user_id.display_name,
                        kind=kind[skill.skill_type],
                    )
                )

    def _matching(self, ticket):
        """The skills, among these, that answer one of the case's needs: its
        category (or a parent of it), its product, its customer's language."""
        category_path = (
            ticket.category_id.search([("id", "parent_of", ticket.category_id.id)])
            if ticket.category_id
            else ticket.category_id
        )
        lang = (ticket.partner_id.lang or "").split("_")[0]
        return self.filtered(
            lambda skill: (
                (skill.skill_type == "category" and skill.category_id in category_path)
                or (
                    skill.skill_type == "product"
                    and ticket.product_id
                    and skill.product_id == ticket.product_id
                )
                or (
                    skill.skill_type == "language"
                    and lang
                    and skill.lang_id.code.split("_")[0] == lang
                )
            )
        )
