from odoo import fields, models

OPERATIONS_GROUP = "crm_freight_pricing.group_freight_operations"


class FreightOperationsTeam(models.Model):
    """The Sea, Air, Logistics or Trucking desk that opens job files."""

    _name = "freight.operations.team"
    _description = "Operations Team"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    code = fields.Selection(
        [
            ("sea", "Sea"),
            ("air", "Air"),
            ("logistics", "Logistics"),
            ("truck", "Trucking"),
        ],
        required=True,
        help="Booking requests of a mode go by default to the team of that mode.",
    )
    member_ids = fields.Many2many(
        "res.users",
        string="Members",
        domain=lambda self: [("groups_id", "in", self.env.ref(OPERATIONS_GROUP).id)],
        help="Told of every booking request sent to the team; when empty, every "
        "operations user is.",
    )
    job_sequence_id = fields.Many2one(
        "ir.sequence",
        string="Job Numbers",
        required=True,
        help="Numbers the job files this team opens, e.g. SEA/2026/00001.",
    )

    _sql_constraints = [
        ("code_unique", "UNIQUE (code)", "There is one operations team per kind."),
    ]

    def _get_recipients(self):
        """Users told of a new booking request for this team."""
        self.ensure_one()
        return self.member_ids or self.env.ref(OPERATIONS_GROUP).users.filtered(
            lambda user: not user.share
        )
