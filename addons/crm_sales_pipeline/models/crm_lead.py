from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Rank of a customer type along the sales funnel: a lead's customer only moves forward.
FUNNEL_RANK = {False: 0, "lead": 1, "prospect": 2, "customer": 3}


class CrmLead(models.Model):
    _inherit = "crm.lead"

    # Freight business
    service_kind = fields.Selection(
        [
            ("sea_fcl", "Sea FCL"),
            ("sea_lcl", "Sea LCL"),
            ("air", "Air"),
            ("trucking", "Trucking"),
            ("customs", "Customs"),
            ("warehousing", "Warehousing"),
            ("logistics", "Logistics"),
        ],
        index=True,
        tracking=True,
    )
    direction = fields.Selection(
        [
            ("import", "Import"),
            ("export", "Export"),
            ("domestic", "Domestic"),
            ("cross_trade", "Cross-trade"),
        ],
        index=True,
    )
    expected_shipment_date = fields.Date()
    volume_teu = fields.Float(string="Volume (TEU)", digits=(16, 2))
    volume_cbm = fields.Float(string="Volume (CBM)", digits=(16, 3))
    volume_kg = fields.Float(string="Weight (kg)", digits=(16, 2))
    origin = fields.Char(help="Port, airport or city of loading.")
    origin_country_id = fields.Many2one("res.country")
    destination = fields.Char(help="Port, airport or city of discharge.")
    destination_country_id = fields.Many2one("res.country")
    # Figures
    expected_profit = fields.Monetary(currency_field="company_currency", tracking=True)
    expected_margin = fields.Float(
        string="Expected Margin (%)",
        compute="_compute_expected_margin",
        store=True,
        aggregator="avg",
        digits=(16, 1),
    )
    prorated_profit = fields.Monetary(
        string="Weighted Profit",
        currency_field="company_currency",
        compute="_compute_prorated_profit",
        store=True,
        aggregator="sum",
        help="Expected profit weighted by the probability, as the prorated revenue "
        "weights the expected revenue.",
    )
    competitor_id = fields.Many2one(
        "res.partner",
        index="btree_not_null",
        domain="[('customer_type', '=', 'competitor')]",
        help="The competitor the customer is comparing us with.",
    )

    @api.depends("expected_revenue", "expected_profit")
    def _compute_expected_margin(self):
        for lead in self:
            lead.expected_margin = (
                100.0 * lead.expected_profit / lead.expected_revenue
                if lead.expected_revenue
                else 0.0
            )

    @api.depends("expected_profit", "probability")
    def _compute_prorated_profit(self):
        for lead in self:
            lead.prorated_profit = round(
                (lead.expected_profit or 0.0) * (lead.probability or 0.0) / 100.0, 2
            )

    @api.constrains(
        "volume_teu", "volume_cbm", "volume_kg", "expected_revenue", "expected_profit"
    )
    def _check_figures(self):
        for lead in self:
            if (
                min(
                    lead.volume_teu,
                    lead.volume_cbm,
                    lead.volume_kg,
                    lead.expected_revenue,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(lead)s: volumes and expected revenue cannot be negative.",
                        lead=lead.name,
                    )
                )
            if lead.expected_profit > lead.expected_revenue:
                raise ValidationError(
                    self.env._(
                        "%(lead)s: the expected profit cannot exceed the expected "
                        "revenue.",
                        lead=lead.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._advance_customer_type()
        return leads

    def write(self, vals):
        result = super().write(vals)
        if {"partner_id", "type", "stage_id", "active", "probability"} & vals.keys():
            self._advance_customer_type()
        return result

    def _advance_customer_type(self):
        """Move each lead's customer along the funnel in the customer file: a
        lead's customer is a lead, an opportunity's a prospect, a won one's a customer.
        Partners and competitors, and customers already further on, are left alone."""
        for lead in self.filtered("partner_id"):
            customer = lead.partner_id.commercial_partner_id
            if lead.active and lead.stage_id.is_won:
                wanted = "customer"
            elif lead.type == "opportunity":
                wanted = "prospect"
            else:
                wanted = "lead"
            current = customer.customer_type
            if current in FUNNEL_RANK and FUNNEL_RANK[current] < FUNNEL_RANK[wanted]:
                customer.customer_type = wanted

    def _get_lead_quotation_domain(self):
        return [*super()._get_lead_quotation_domain(), ("validity_expired", "=", False)]
