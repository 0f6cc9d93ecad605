from odoo import Command, fields
from odoo.tests import new_test_user
from odoo.tools import SQL

from odoo.addons.base.tests.common import BaseCommon


def explain_rate_search(env, origin, destination, freight_mode, shipment_date):
    """The plan PostgreSQL picks for the rate search's lane query, with its timing
    (tests/test_rate_search.py and scripts/bench/bench_rate_search.py)."""
    lines = env["freight.rate.line"]
    query = lines._search(
        lines._get_lane_domain(origin, destination, freight_mode, shipment_date)
    )
    env.cr.execute(SQL("EXPLAIN ANALYZE %s", query.select()))
    return "\n".join(row[0] for row in env.cr.fetchall())


class FreightCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.usd = cls.company.currency_id
        cls.today = fields.Date.today()
        ref = cls.env.ref
        cls.pol = ref("crm_freight_pricing.location_vndad")
        cls.pod = ref("crm_freight_pricing.location_cnngb")
        cls.aol = ref("crm_freight_pricing.location_dad")
        cls.aod = ref("crm_freight_pricing.location_can")
        cls.c20 = ref("crm_freight_pricing.container_type_20gp")
        cls.c40hc = ref("crm_freight_pricing.container_type_40hc")
        cls.truck_5t = ref("crm_freight_pricing.vehicle_type_5t")
        cls.charge = {
            code: ref(f"crm_freight_pricing.freight_charge_type_{code}")
            for code in (
                "of",
                "af",
                "trk",
                "baf",
                "caf",
                "thc",
                "doc",
                "fsc",
                "cfs",
                "pss",
                "gri",
                "ebs",
                "lss",
            )
        }
        cls.carrier = cls.env["res.partner"].create(
            {"name": "Ocean Line", "is_company": True, "is_shipping_line": True}
        )
        cls.airline = cls.env["res.partner"].create(
            {"name": "Sky Cargo", "is_company": True, "is_airline": True}
        )
        cls.pricing_user = new_test_user(
            cls.env, "pricer", groups="crm_freight_pricing.group_freight_pricing_user"
        )
        cls.salesman = new_test_user(
            cls.env, "seller", groups="sales_team.group_sale_salesman"
        )
        # sell floors are configured by each test: none on a fresh database
        cls.env["freight.rate.markup"].search([]).unlink()
        cls.salesman_cost = new_test_user(
            cls.env,
            "seller_cost",
            groups="sales_team.group_sale_salesman_all_leads,crm_freight_pricing.group_freight_cost",
        )

    @classmethod
    def _create_rate(
        cls,
        carrier=None,
        mode="sea_fcl",
        origin=None,
        destination=None,
        lines=(),
        surcharges=(),
        activate=True,
        **values,
    ):
        rate = cls.env["freight.rate"].create(
            {
                "carrier_id": (carrier or cls.carrier).id,
                "freight_mode": mode,
                "origin_id": (origin or cls.pol).id,
                "destination_id": (destination or cls.pod).id,
                "date_from": fields.Date.subtract(cls.today, days=5),
                "date_to": fields.Date.add(cls.today, days=10),
                "line_ids": [Command.create(line) for line in lines],
                "surcharge_ids": [
                    Command.create(surcharge) for surcharge in surcharges
                ],
                **values,
            }
        )
        if activate:
            rate.action_activate()
        return rate

    @classmethod
    def _publish_floor(cls, markup_percent, mode="sea_fcl", **values):
        return cls.env["freight.rate.markup"].create(
            {"freight_mode": mode, "markup_percent": markup_percent, **values}
        )

    @classmethod
    def _create_fcl_rate(cls, price_20=900.0, price_40hc=1500.0, **values):
        return cls._create_rate(
            lines=[
                {"container_type_id": cls.c20.id, "price": price_20},
                {"container_type_id": cls.c40hc.id, "price": price_40hc},
            ],
            **values,
        )

    def _search(self, user=None, **values):
        wizard = (
            self.env["freight.rate.search"]
            .with_user(user or self.env.user)
            .create(
                {
                    "freight_mode": "sea_fcl",
                    "origin_location_id": self.pol.id,
                    "destination_location_id": self.pod.id,
                    "shipment_date": self.today,
                    "margin_value": 0.0,
                    "sell_rounding": 0.0,
                    **values,
                }
            )
        )
        wizard.action_search()
        return wizard

    @staticmethod
    def _open(options):
        """The options as the client opens one: reading their charges, which are
        created then (a search creates only its options)."""
        options.web_read({"charge_ids": {"fields": {"name": {}}}})
        return options
