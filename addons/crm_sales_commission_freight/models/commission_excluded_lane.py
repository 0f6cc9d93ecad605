from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CommissionExcludedLane(models.Model):
    """A lane a plan pays nothing on: orders from the origin to the destination. An
    empty side means any place; a port group covers its ports and depots."""

    _name = "commission.excluded.lane"
    _description = "Commission Plan Excluded Lane"
    _order = "commission_id, id"
    _check_company_auto = True

    commission_id = fields.Many2one(
        "commission",
        string="Plan",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="commission_id.company_id", store=True)
    origin_location_id = fields.Many2one(
        "freight.location",
        string="Origin",
        help="Empty: from anywhere to the destination.",
    )
    destination_location_id = fields.Many2one(
        "freight.location",
        string="Destination",
        help="Empty: from the origin to anywhere.",
    )

    @api.depends("origin_location_id", "destination_location_id")
    def _compute_display_name(self):
        anywhere = self.env._("Anywhere")
        for lane in self:
            origin = lane.origin_location_id.display_name or anywhere
            destination = lane.destination_location_id.display_name or anywhere
            lane.display_name = f"{origin} → {destination}"

    # commission_id: a lane created with neither side still gets checked
    @api.constrains("commission_id", "origin_location_id", "destination_location_id")
    def _check_one_side(self):
        for lane in self:
            if not lane.origin_location_id and not lane.destination_location_id:
                raise ValidationError(
                    self.env._(
                        "Plan %(name)s: an excluded lane needs an origin, a "
                        "destination or both.",
                        name=lane.commission_id.name,
                    )
                )
            if lane.origin_location_id == lane.destination_location_id:
                raise ValidationError(
                    self.env._(
                        "Plan %(name)s: the excluded lane's origin and destination "
                        "must differ.",
                        name=lane.commission_id.name,
                    )
                )

    def _matches(self, origin, destination):
        """Whether an order from ``origin`` to ``destination`` runs on this lane."""
        self.ensure_one()
        return self._covers(self.origin_location_id, origin) and self._covers(
            self.destination_location_id, destination
        )

    @staticmethod
    def _covers(side, location):
        if not side:
            return True
        if not location:
            return False
        return str(side.id) in location.parent_path.split("/")
