from odoo import fields, models


class HelpdeskTicketCategory(models.Model):
    _inherit = "helpdesk.ticket.category"

    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        index="btree_not_null",
        help="New cases of this category go to this team, unless a team is given.",
    )
