from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import FreightCommon


class TestFreightRate(FreightCommon):
    def test_rate_gets_reference_and_defaults_of_its_mode(self):
        rate = self._create_fcl_rate()
        self.assertTrue(rate.name.startswith("RATE/"))
        self.assertEqual(rate.state, "active")
        self.assertEqual(rate.freight_charge_type_id, self.charge["of"])
        air = self._create_rate(
            carrier=self.airline,
            mode="air",
            origin=self.aol,
            destination=self.aod,
            lines=[{"weight_break": 0, "price": 5.0}],
        )
        self.assertEqual(air.freight_charge_type_id, self.charge["af"])
        self.assertAlmostEqual(air.volume_factor, 166.667, places=3)

    def _create_drafts(self, count):
        return (
            self.env["freight.rate"]
            .with_user(self.pricing_user)
            .create(
                [
                    {
                        "carrier_id": self.carrier.id,
                        "origin_id": self.pol.id,
                        "destination_id": self.pod.id,
                        "date_from": fields.Date.add(self.today, days=7 * week),
                        "date_to": fields.Date.add(self.today, days=7 * week + 6),
                    }
                    for week in range(count)
                ]
            )
        )

    def _number(self, rate):
        return int(rate.name.rsplit("/", 1)[1])

    def test_rates_created_together_are_numbered_in_order(self):
        """Rates created at once take consecutive references of the sequence (one
        query for all of them); the next rate takes the one after."""

        def queries(count):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            names = (
                self.env["freight.rate"].with_user(self.pricing_user)._next_names(count)
            )
            self.assertEqual(len(set(names)), count)
            return self.env.cr.sql_log_count - before

        queries(1)  # warm the caches
        self.assertEqual(queries(40), queries(1))
        rates = self._create_drafts(3)
        first = self._number(rates[0])
        self.assertEqual(
            [self._number(rate) for rate in rates], [first, first + 1, first + 2]
        )
        self.assertEqual(self._number(self._create_drafts(1)), first + 3)
        self.assertTrue(rates[0].name.startswith(f"RATE/{self.today.year}/"))

    def test_gapless_sequence_still_numbers_each_rate(self):
        sequence = self.env.ref("crm_freight_pricing.seq_freight_rate")
        sequence.implementation = "no_gap"
        rates = self._create_drafts(3)
        first = self._number(rates[0])
        self.assertEqual(
            [self._number(rate) for rate in rates], [first, first + 1, first + 2]
        )
        self.assertEqual(sequence.number_next_actual, first + 3)

    def test_overlapping_active_rate_is_refused(self):
        first = self._create_fcl_rate()
        second = self._create_fcl_rate(activate=False, price_20=850.0)
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            second.action_activate()
        # another carrier, another equipment or a later period are fine
        self._create_fcl_rate(carrier=self.airline)
        later = self._create_fcl_rate(
            activate=False,
            date_from=fields.Date.add(first.date_to, days=1),
            date_to=fields.Date.add(first.date_to, days=15),
        )
        later.action_activate()
        reefer_only = self._create_rate(
            lines=[
                {
                    "container_type_id": self.env.ref(
                        "crm_freight_pricing.container_type_20rf"
                    ).id,
                    "price": 2000.0,
                }
            ]
        )
        self.assertEqual((later.state, reefer_only.state), ("active", "active"))

    @mute_logger("odoo.sql_db")
    def test_database_refuses_overlap_even_without_the_orm(self):
        first = self._create_fcl_rate()
        second = self._create_fcl_rate(activate=False)
        self.env.flush_all()
        self.assertTrue(first.line_ids and second.line_ids)
        with self.assertRaises(IntegrityError):
            self.env.cr.execute(
                "UPDATE freight_rate_line SET state = 'active' WHERE rate_id = %s",
                [second.id],
            )

    def test_bad_input_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "ends"):
            self._create_fcl_rate(
                activate=False,
                date_from=self.today,
                date_to=fields.Date.subtract(self.today, days=1),
            )
        with self.assertRaisesRegex(ValidationError, "container type"):
            self._create_rate(lines=[{"price": 100.0}], activate=False)
        with self.assertRaisesRegex(ValidationError, "must differ"):
            self._create_fcl_rate(activate=False, destination=self.pol)
        with self.assertRaisesRegex(ValidationError, "two prices"):
            self._create_rate(
                activate=False,
                lines=[
                    {"container_type_id": self.c20.id, "price": 1.0},
                    {"container_type_id": self.c20.id, "price": 2.0},
                ],
            )

    @mute_logger("odoo.sql_db")
    def test_negative_price_is_refused(self):
        with self.assertRaises(IntegrityError):
            self._create_fcl_rate(activate=False, price_20=-5.0)

    def test_activate_checks_prices_and_validity(self):
        empty = self._create_rate(activate=False)
        with self.assertRaisesRegex(UserError, "no prices"):
            empty.action_activate()
        past = self._create_fcl_rate(
            activate=False,
            date_from=fields.Date.subtract(self.today, days=20),
            date_to=fields.Date.subtract(self.today, days=1),
        )
        with self.assertRaisesRegex(UserError, "cannot be activated"):
            past.action_activate()

    def test_next_period_copies_prices_as_draft(self):
        rate = self._create_fcl_rate()
        action = rate.action_new_version()
        new_rate = self.env["freight.rate"].browse(action["res_id"])
        self.assertEqual(new_rate.state, "draft")
        self.assertEqual(new_rate.date_from, fields.Date.add(rate.date_to, days=1))
        self.assertEqual(len(new_rate.line_ids), 2)
        new_rate.action_activate()  # does not overlap the current one

    def test_active_rate_cannot_be_deleted(self):
        rate = self._create_fcl_rate()
        with assert_refused(
            self, UserError, r"Active rates cannot be deleted: expire them instead\."
        ):
            rate.unlink()
        rate.action_expire()
        rate.unlink()

    def test_salesman_reads_rates_but_not_buy_prices(self):
        rate = self._create_fcl_rate()
        as_seller = rate.with_user(self.salesman)
        self.assertEqual(
            as_seller.read(["carrier_id"])[0]["carrier_id"][0], self.carrier.id
        )
        with assert_refused(
            self,
            AccessError,
            'You do not have enough rights to access the fields "price" on Buy',
        ):
            as_seller.line_ids.read(["price"])
        with assert_refused(self, AccessError, "not allowed to modify 'Buy Rate'"):
            as_seller.write({"transit_days": 3})
        # the cost group reads them
        lines = rate.line_ids.with_user(self.salesman_cost)
        self.assertEqual(sorted(lines.mapped("price")), [900.0, 1500.0])
        self.assertEqual(lines.read(["price"])[0]["price"], lines[0].price)

    def test_pricing_user_manages_rates(self):
        rate = self._create_fcl_rate(activate=False).with_user(self.pricing_user)
        rate.write(
            {
                "line_ids": [
                    Command.create(
                        {
                            "container_type_id": self.env.ref(
                                "crm_freight_pricing.container_type_40gp"
                            ).id,
                            "price": 1400.0,
                        }
                    )
                ]
            }
        )
        rate.action_activate()
        self.assertEqual(rate.state, "active")
