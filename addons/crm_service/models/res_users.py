from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    helpdesk_available = fields.Boolean(
        string="Available for New Cases",
        default=True,
        help="Unavailable agents (on leave, on a site visit) get no new case from "
        "the automatic routing; their open cases stay with them.",
    )

    @property
    def SELF_WRITEABLE_FIELDS(self):
        # agents mark themselves unavailable from their preferences
        return super().SELF_WRITEABLE_FIELDS + ["helpdesk_available"]

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["helpdesk_available"]
