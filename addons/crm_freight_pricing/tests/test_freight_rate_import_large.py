import base64
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import FreightCommon
from .test_freight_rate_import import HEADERS


@tagged("post_install", "-at_install")
class TestFreightRateImportLarge(FreightCommon):
    """Large sheets as the pricing user imports them: checked in a few queries,
    imported by the background job in steps, the user told how far it is."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.importer = mail_new_test_user(
            cls.env,
            login="rate_importer",
            groups="base.group_user,crm_freight_pricing.group_freight_pricing_user",
        )
        cls.Import = type(cls.env["freight.rate.import"])
        cls.cron = cls.env.ref("crm_freight_pricing.ir_cron_import_rate_sheets")
        cls.c45hc = cls.env.ref("crm_freight_pricing.container_type_45hc")

    def _csv(self, rows):
        lines = [",".join(HEADERS)]
        lines += [",".join(str(value) for value in row) for row in rows]
        return base64.b64encode("\n".join(lines).encode())

    def _rows(self, cards, carrier="Ocean Line", start=1):
        """Two rows (20GP, 40HC) per card, one card per week from ``start``."""
        rows = []
        for week in range(cards):
            date_from = fields.Date.add(self.today, days=start + 7 * week)
            date_to = fields.Date.add(date_from, days=6)
            for equipment, price in (("20GP", 900), ("40HC", 1500)):
                rows.append(
                    [carrier, "Sea FCL", "VNDAD", "CNNGB", "", date_from, date_to]
                    + ["USD", 7, 14, equipment, price + week, "", ""]
                )
        return rows

    def _wizard(self, rows, activate=True):
        return as_request(self.importer, self.env["freight.rate.import"]).create(
            {
                "file": self._csv(rows),
                "filename": "rates.csv",
                "activate_rates": activate,
            }
        )

    def _run_job(self, wizard, steps=10):
        """The job's steps, as the cron runs them (superuser, one per call)."""
        for _step in range(steps):
            self.env["freight.rate.import"]._cron_import_rate_sheets()
            if wizard.state in ("done", "failed"):
                return

    def _notifications(self, subject):
        return self.env["mail.message"].search_count(
            [
                ("partner_ids", "in", self.importer.partner_id.ids),
                ("message_type", "=", "user_notification"),
                ("subject", "=", subject),
            ]
        )

    def test_large_sheet_imported_in_background_in_steps(self):
        triggers = self.env["ir.cron.trigger"].search_count(
            [("cron_id", "=", self.cron.id)]
        )
        wizard = self._wizard(self._rows(3))
        with (
            patch.object(self.Import, "_background_rows", 4),
            patch.object(self.Import, "_create_batch_size", 2),
        ):
            action = wizard.action_import()
            self.assertEqual(
                (action["res_model"], action["res_id"]), (wizard._name, wizard.id)
            )
            self.assertRecordValues(wizard, [{"state": "queued", "row_count": 6}])
            self.assertEqual(
                self.env["ir.cron.trigger"].search_count(
                    [("cron_id", "=", self.cron.id)]
                ),
                triggers + 1,
            )
            self.env["freight.rate.import"]._cron_import_rate_sheets()  # validation
            self.assertRecordValues(wizard, [{"state": "importing", "progress": 0}])
            self.env["freight.rate.import"]._cron_import_rate_sheets()  # 2 cards
            self.assertRecordValues(
                wizard, [{"state": "importing", "row_done": 4, "progress": 66}]
            )
            self.assertEqual(wizard.rate_ids.mapped("state"), ["draft", "draft"])
            self.env["freight.rate.import"]._cron_import_rate_sheets()  # the last
        wizard = as_request(self.importer, wizard)
        self.assertRecordValues(
            wizard,
            [{"state": "done", "row_done": 6, "progress": 100}],
        )
        self.assertEqual(len(wizard.rate_ids), 3)
        self.assertEqual(set(wizard.rate_ids.mapped("state")), {"active"})
        self.assertEqual(wizard.rate_ids.company_id, self.importer.company_id)
        self.assertEqual(wizard.rate_ids.create_uid, self.importer)
        self.assertEqual(self._notifications("Rate sheet imported"), 1)
        self.assertEqual(
            wizard.action_show_rates()["domain"], [("id", "in", wizard.rate_ids.ids)]
        )

    def test_background_import_with_a_wrong_row_imports_nothing(self):
        rate_count = self.env["freight.rate"].search_count([])
        rows = self._rows(3)
        rows[-1][0] = "Nobody Shipping"
        wizard = self._wizard(rows)
        with patch.object(self.Import, "_background_rows", 4):
            wizard.action_import()
            self._run_job(wizard)
        self.assertEqual(wizard.state, "failed")
        self.assertIn("Row 7: unknown carrier Nobody Shipping.", wizard.result)
        self.assertEqual(self.env["freight.rate"].search_count([]), rate_count)
        self.assertEqual(self._notifications("Rate sheet not imported"), 1)

    def test_background_failure_after_some_steps_removes_their_rates(self):
        rate_count = self.env["freight.rate"].search_count([])
        wizard = self._wizard(self._rows(3))
        with (
            patch.object(self.Import, "_background_rows", 4),
            patch.object(self.Import, "_create_batch_size", 2),
        ):
            wizard.action_import()
            self.env["freight.rate.import"]._cron_import_rate_sheets()  # validation
            self.env["freight.rate.import"]._cron_import_rate_sheets()  # 2 cards
            # meanwhile someone activates a rate overlapping the first card
            self._create_fcl_rate(
                date_from=fields.Date.add(self.today, days=1),
                date_to=fields.Date.add(self.today, days=3),
            )
            self._run_job(wizard)
        self.assertEqual(wizard.state, "failed")
        self.assertIn("overlaps", wizard.result)
        self.assertEqual(self.env["freight.rate"].search_count([]), rate_count + 1)

    def test_validation_queries_do_not_grow_with_rows(self):
        def queries(cards, carrier):
            wizard = self._wizard(self._rows(cards, carrier=carrier))
            headers, rows = wizard._read_file()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            cards = wizard._validate_rows(headers, rows)
            self.assertEqual(len(cards), len(rows) // 2)
            return self.env.cr.sql_log_count - before

        # an active rate of the lane and weeks, for other equipment: no overlap
        self._create_rate(
            lines=[{"container_type_id": self.c45hc.id, "price": 1700}],
            date_from=fields.Date.add(self.today, days=5),
            date_to=fields.Date.add(self.today, days=12),
        )
        queries(2, "Ocean Line")  # warm the registry caches
        self.assertEqual(queries(40, "Ocean Line"), queries(4, "Ocean Line"))

    def test_import_queries_per_row(self):
        """Reading, validating, creating and activating a sheet: at most one query
        per ten rows, at 1,000 rows as at 4,000 (cards and lines are created in
        batches, named from the sequence at once, activated together)."""

        def queries_per_row(cards, start):
            wizard = self._wizard(self._rows(cards, start=start))
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            headers, rows = wizard._read_file()
            rates = wizard._import_rows(headers, rows)
            self.env.flush_all()
            queries = self.env.cr.sql_log_count - before
            self.assertEqual(len(rates), cards)
            self.assertEqual(len(rates.line_ids), len(rows))
            self.assertEqual(set(rates.mapped("state")), {"active"})
            return queries / len(rows)

        self.assertLessEqual(queries_per_row(500, start=1), 0.1)
        self.assertLessEqual(queries_per_row(2000, start=1 + 7 * 500), 0.1)

    def test_company_is_the_users_current_one(self):
        other = self.env["res.company"].create({"name": "Other Forwarder"})
        self.importer.company_ids |= other
        wizard = as_request(self.importer, self.env["freight.rate.import"]).create(
            {"company_id": other.id}
        )
        self.assertEqual(wizard.company_id, self.importer.company_id)

    def test_error_list_is_capped_and_long_values_cut(self):
        long_name = "Nobody Shipping " * 10
        wizard = self._wizard(self._rows(75, carrier=long_name), activate=False)
        with self.assertRaisesRegex(UserError, "fix these 150 errors") as error:
            wizard.action_import()
        message = str(error.exception)
        self.assertIn("... and 50 more errors.", message)
        self.assertEqual(message.count("Row "), 100)
        cut = long_name.strip()[:59].rstrip() + "…"
        self.assertIn(f"Row 2: unknown carrier {cut}.", message)
