from odoo import fields, models


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    crm_marketing_lang = fields.Selection(
        selection=lambda self: self.env["res.lang"].get_installed(),
        string="Targets' Language",
        readonly=True,
        copy=False,
        help="Made by the campaign for its targets who read this language.",
    )
