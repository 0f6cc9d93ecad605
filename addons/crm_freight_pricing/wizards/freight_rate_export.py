import ast

from odoo import api, fields, models
from odoo.tools import SQL


class FreightRateExport(models.TransientModel):
    """The rates in the layout of the import template, one row per price, so that an
    exported sheet can be edited and imported again."""

    _name = "freight.rate.export"
    _inherit = "crm.customer.xlsx.export"
    _description = "Export Buy Rates to Excel"

    domain = fields.Char(default=lambda self: self._default_domain(), required=True)
    rate_count = fields.Integer(compute="_compute_rate_count")

    @api.model
    def _default_domain(self):
        return self._selection_domain("freight.rate", [])

    @api.depends("domain")
    def _compute_rate_count(self):
        for wizard in self:
            wizard.rate_count = self.env["freight.rate"].search_count(
                wizard._rate_domain()
            )

    def _rate_domain(self):
        return ast.literal_eval(self.domain or "[]")

    def _export_model(self):
        return "freight.rate.line"

    def _export_domain(self):
        return [("rate_id", "any", self._rate_domain())]

    def _export_order(self):
        return "rate_id, id"

    def _export_title(self):
        return self.env._("Buy Rates")

    def _export_columns(self):
        headers = self.env["freight.rate.import"]._rate_headers()
        modes = dict(
            self.env["freight.rate"]
            ._fields["freight_mode"]
            ._description_selection(self.env)
        )

        def location(record):
            return record.code or record.iata_code or ""

        def equipment(line):
            mode = line.rate_id.freight_mode
            if mode == "sea_fcl":
                return line.container_type_id.name
            if mode == "truck":
                return line.vehicle_type_id.name
            if mode == "air":
                return line.weight_break or "N"
            return ""

        getters = {
            "carrier": lambda line: line.rate_id.carrier_id.name,
            "mode": lambda line: modes[line.rate_id.freight_mode],
            "origin": lambda line: location(line.rate_id.origin_id),
            "destination": lambda line: location(line.rate_id.destination_id),
            "via": lambda line: location(line.rate_id.via_id),
            "date_from": lambda line: line.rate_id.date_from,
            "date_to": lambda line: line.rate_id.date_to,
            "currency": lambda line: line.rate_id.currency_id.name,
            "transit_days": lambda line: line.rate_id.transit_days,
            "free_days": lambda line: line.rate_id.free_days,
            "equipment": equipment,
            "price": lambda line: line.price,
            "minimum": lambda line: line.rate_id.minimum_amount or False,
            "remarks": lambda line: line.rate_id.remarks or "",
        }
        columns = [(header, getters[key]) for key, header in headers.items()]
        for code, currency in self._surcharge_columns():
            header = f"{code} {currency}" if currency else code
            columns.append(
                (
                    header,
                    lambda line, code=code, currency=currency: _surcharge_amount(
                        line, code, currency
                    ),
                )
            )
        return columns

    def _surcharge_columns(self):
        """(charge code, currency name or None when in the rate's currency) of every
        surcharge of the exported rates: one query."""
        query = self.env["freight.rate"]._search(self._rate_domain())
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT charge.code, charge.sequence,
                       CASE WHEN surcharge.currency_id != rate.currency_id
                            THEN currency.name END
                  FROM freight_rate_surcharge surcharge
                  JOIN freight_rate rate ON rate.id = surcharge.rate_id
                  JOIN freight_charge_type charge
                    ON charge.id = surcharge.charge_type_id
                  JOIN res_currency currency ON currency.id = surcharge.currency_id
                 WHERE surcharge.rate_id IN %s
              ORDER BY charge.sequence, charge.code, 3 NULLS FIRST
                """,
                query.subselect(),
            )
        )
        return [
            (code, currency) for code, _sequence, currency in self.env.cr.fetchall()
        ]


def _surcharge_amount(line, code, currency):
    """The line's amount of a surcharge column: the one for its container type if
    any, else the one for every container; blank when the rate has none."""
    rate = line.rate_id
    surcharges = rate.surcharge_ids.filtered(
        lambda surcharge: (
            surcharge.charge_type_id.code == code
            and (
                surcharge.currency_id.name == currency
                if currency
                else surcharge.currency_id == rate.currency_id
            )
            and (
                not surcharge.container_type_id
                or surcharge.container_type_id == line.container_type_id
            )
        )
    )
    specific = surcharges.filtered("container_type_id")
    return (specific or surcharges)[:1].amount if surcharges else False
