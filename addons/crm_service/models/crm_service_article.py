from odoo import Command, api, fields, models
from odoo.tools import html2plaintext


class CrmServiceArticle(models.Model):
    _name = "crm.service.article"
    _description = "Solution Article"
    _inherit = ["mail.thread"]
    _order = "ticket_count desc, name, id"
    _rec_names_search = ["name", "problem"]
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, index="trigram", tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    problem = fields.Text(help="The question or symptom, in the customer's words.")
    solution = fields.Html()
    tag_ids = fields.Many2many("helpdesk.ticket.tag", string="Tags")
    category_ids = fields.Many2many("helpdesk.ticket.category", string="Categories")
    lang_id = fields.Many2one(
        "res.lang",
        string="Language",
        default=lambda self: self.env["res.lang"]._lang_get(self.env.lang),
        context={"active_test": False},
    )
    is_public = fields.Boolean(
        string="Public",
        tracking=True,
        help="Public articles can be read by customers in their portal.",
    )
    ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        relation="crm_service_article_ticket_rel",
        column1="article_id",
        column2="ticket_id",
        string="Cases",
    )
    ticket_count = fields.Integer(
        string="Times Used", compute="_compute_ticket_count", store=True
    )

    @api.depends("ticket_ids")
    def _compute_ticket_count(self):
        for article in self:
            article.ticket_count = len(article.ticket_ids)

    def action_view_tickets(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cases"),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "domain": [("article_ids", "in", self.ids)],
        }

    def action_link_to_ticket(self):
        """Link the articles to the case the knowledge base was opened from."""
        ticket = self.env["helpdesk.ticket"].browse(
            self.env.context.get("crm_service_ticket_id")
        )
        ticket.ensure_one()
        ticket.article_ids = [Command.link(article.id) for article in self]
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": ticket.id,
            "view_mode": "form",
        }

    @api.model
    def _prepare_values_from_ticket(self, ticket):
        return {
            "name": ticket.name,
            "problem": html2plaintext(ticket.description or ""),
            "solution": ticket.solution,
            "category_ids": ticket.category_id.ids,
            "tag_ids": ticket.tag_ids.ids,
            "lang_id": self.env["res.lang"]
            ._lang_get(ticket.partner_id.lang or self.env.lang)
            .id,
            "company_id": ticket.company_id.id,
            "ticket_ids": ticket.ids,
        }
