from odoo import api, fields, models

# the opportunity's service, as a freight mode of the rate search and the quotation
SERVICE_FREIGHT_MODES = {
    "sea_fcl": "sea_fcl",
    "sea_lcl": "sea_lcl",
    "air": "air",
    "trucking": "truck",
}


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "freight.shipment.mixin"]

    freight_mode = fields.Selection(
        compute="_compute_freight_mode", store=True, readonly=False
    )
    # the free-text lane below keeps the labels Origin and Destination
    origin_location_id = fields.Many2one(string="Lane Origin")
    destination_location_id = fields.Many2one(string="Lane Destination")
    shipment_date = fields.Date(related="expected_shipment_date", readonly=False)
    freight_incoterm_id = fields.Many2one("account.incoterms", string="Incoterm")
    container_line_ids = fields.One2many(
        "crm.lead.freight.container", "lead_id", string="Containers", copy=True
    )
    # crm_sales_pipeline's free-text lane, kept for its reports: filled from the
    # locations once they are chosen, still typed by hand without them
    origin = fields.Char(compute="_compute_lane_text", store=True, readonly=False)
    origin_country_id = fields.Many2one(
        compute="_compute_lane_text", store=True, readonly=False
    )
    destination = fields.Char(compute="_compute_lane_text", store=True, readonly=False)
    destination_country_id = fields.Many2one(
        compute="_compute_lane_text", store=True, readonly=False
    )

    @api.depends("service_kind")
    def _compute_freight_mode(self):
        for lead in self.filtered("service_kind"):
            lead.freight_mode = SERVICE_FREIGHT_MODES.get(lead.service_kind)

    @api.depends("origin_location_id", "destination_location_id")
    def _compute_lane_text(self):
        # leads without locations keep what was typed (no assignment, no loss)
        for lead in self.filtered("origin_location_id"):
            lead.origin = lead.origin_location_id.name
            lead.origin_country_id = lead.origin_location_id.country_id
        for lead in self.filtered("destination_location_id"):
            lead.destination = lead.destination_location_id.name
            lead.destination_country_id = lead.destination_location_id.country_id

    def _prepare_opportunity_quotation_context(self):
        """The quotation starts with the opportunity's shipment on its Shipment tab."""
        context = super()._prepare_opportunity_quotation_context()
        values = self._get_shipment_values()
        values["freight_incoterm_id"] = self.freight_incoterm_id.id
        context.update(
            {f"default_{name}": value for name, value in values.items() if value}
        )
        return context
