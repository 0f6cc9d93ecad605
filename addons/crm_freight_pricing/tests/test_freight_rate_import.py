import base64
import io

import openpyxl

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.misc import xlsxwriter

from odoo.addons.crm_customer.tests.common import as_request, assert_refused

from .common import FreightCommon

HEADERS = [
    "Carrier",
    "Mode",
    "Origin",
    "Destination",
    "Via",
    "Valid From",
    "Valid To",
    "Currency",
    "Transit Days",
    "Free Days",
    "Equipment",
    "Price",
    "Minimum",
    "Remarks",
]


@tagged("post_install", "-at_install")
class TestFreightRateImport(FreightCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vnd = cls.env.ref("base.VND")
        cls.vnd.active = True
        cls.date_from = cls.today
        cls.date_to = fields.Date.add(cls.today, days=14)

    def _xlsx(self, rows, headers=None):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet()
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        for col, header in enumerate(headers or HEADERS):
            sheet.write_string(0, col, header)
        for row, values in enumerate(rows, start=1):
            for col, value in enumerate(values):
                if hasattr(value, "isoformat"):
                    sheet.write_datetime(row, col, value, date_format)
                else:
                    sheet.write(row, col, value)
        workbook.close()
        return output.getvalue()

    def _import(self, content, filename="rates.xlsx", activate=False):
        wizard = as_request(self.pricing_user, self.env["freight.rate.import"]).create(
            {
                "file": base64.b64encode(content),
                "filename": filename,
                "activate_rates": activate,
            }
        )
        action = wizard.action_import()
        return self.env["freight.rate"].browse(action["domain"][0][2])

    def _fcl_row(self, equipment="20GP", price=900, **values):
        row = {
            "carrier": "Ocean Line",
            "mode": "Sea FCL",
            "origin": "VNDAD",
            "destination": "CNNGB",
            "via": "",
            "date_from": self.date_from,
            "date_to": self.date_to,
            "currency": "USD",
            "transit_days": 7,
            "free_days": 14,
            "equipment": equipment,
            "price": price,
            "minimum": "",
            "remarks": "",
            **values,
        }
        return list(row.values())

    def test_import_groups_rows_into_rate_cards(self):
        headers = [*HEADERS, "BAF", "THC VND"]
        rows = [
            [*self._fcl_row("20GP", 900), 150, 2_500_000],
            [*self._fcl_row("40HC", 1500), 150, 3_800_000],
            [
                "Sky Cargo",
                "Air",
                "DAD",
                "CAN",
                "",
                self.date_from,
                self.date_to,
                "USD",
                2,
                "",
                "N",
                4.2,
                75,
                "Daily flights",
                "",
                "",
            ],
            ["Sky Cargo", "air", "DAD", "CAN", "", self.date_from, self.date_to]
            + ["USD", "", "", "+45", 3.6, "", "", "", ""],
        ]
        rates = self._import(self._xlsx(rows, headers), activate=True)
        self.assertEqual(len(rates), 2)
        fcl = rates.filtered(lambda rate: rate.freight_mode == "sea_fcl")
        air = rates - fcl
        self.assertRecordValues(
            fcl,
            [
                {
                    "carrier_id": self.carrier.id,
                    "origin_id": self.pol.id,
                    "destination_id": self.pod.id,
                    "date_from": self.date_from,
                    "date_to": self.date_to,
                    "transit_days": 7,
                    "free_days": 14,
                    "state": "active",
                    "user_id": self.pricing_user.id,
                }
            ],
        )
        self.assertEqual(
            sorted(
                fcl.line_ids.mapped(
                    lambda line: (line.container_type_id.name, line.price)
                )
            ),
            [("20GP", 900.0), ("40HC", 1500.0)],
        )
        surcharges = sorted(
            fcl.surcharge_ids.mapped(
                lambda surcharge: (
                    surcharge.charge_type_id.code,
                    surcharge.container_type_id.name or "",
                    surcharge.currency_id.name,
                    surcharge.amount,
                )
            )
        )
        self.assertEqual(
            surcharges,
            [
                ("BAF", "", "USD", 150.0),
                ("THC", "20GP", "VND", 2_500_000.0),
                ("THC", "40HC", "VND", 3_800_000.0),
            ],
        )
        self.assertRecordValues(
            air,
            [
                {
                    "carrier_id": self.airline.id,
                    "origin_id": self.aol.id,
                    "destination_id": self.aod.id,
                    "minimum_amount": 75.0,
                    "transit_days": 2,
                    "remarks": "Daily flights",
                    "state": "active",
                }
            ],
        )
        self.assertEqual(
            sorted(air.line_ids.mapped(lambda line: (line.weight_break, line.price))),
            [(0.0, 4.2), (45.0, 3.6)],
        )
        self.assertFalse(air.surcharge_ids)

    def test_import_csv_semicolons_and_day_first_dates(self):
        date_from = self.date_from.strftime("%d/%m/%Y")
        date_to = self.date_to.strftime("%d/%m/%Y")
        card = f"Ocean Line;Sea FCL;VNDAD;CNNGB;;{date_from};{date_to};USD;7;14"
        content = "\n".join(
            [
                ";".join([*HEADERS, "BAF"]),
                f"{card};20GP;900;;;120",
                f"{card};40HC;1500;;;240",
            ]
        ).encode("latin-1")
        rates = self._import(content, filename="rates.csv")
        self.assertEqual(len(rates), 1)
        self.assertEqual(rates.state, "draft")
        self.assertEqual(rates.date_to, self.date_to)
        self.assertEqual(len(rates.line_ids), 2)
        self.assertEqual(
            sorted(
                rates.surcharge_ids.mapped(
                    lambda surcharge: (
                        surcharge.container_type_id.name,
                        surcharge.amount,
                    )
                )
            ),
            [("20GP", 120.0), ("40HC", 240.0)],
        )

    def test_import_reports_every_error_and_imports_nothing(self):
        rate_count = self.env["freight.rate"].search_count([])
        rows = [
            self._fcl_row("20GP", 900),  # row 2: valid
            self._fcl_row(origin="XXABC"),  # row 3
            self._fcl_row(carrier="Nobody Shipping"),  # row 4
            self._fcl_row("99ZZ"),  # row 5
            self._fcl_row(  # row 6
                "40HC",
                date_from=self.date_to,
                date_to=self.date_from,
            ),
            self._fcl_row("40GP", -10),  # row 7
            self._fcl_row(mode="Rail"),  # row 8
            self._fcl_row("45HC", date_from="someday"),  # row 9
            self._fcl_row("20GP", 950),  # row 10: same equipment as row 2
        ]
        with assert_refused(
            self,
            UserError,
            r"Nothing was imported: fix these 8 errors and import the file again\.",
        ) as error:
            self._import(self._xlsx(rows))
        message = str(error.exception)
        for expected in (
            "Row 3: unknown location code XXABC.",
            "Row 4: unknown carrier Nobody Shipping.",
            "Row 5: unknown container type 99ZZ.",
            "Row 6: the validity ends",
            "Row 7: -10 is not a price",
            "Row 8: unknown mode Rail.",
            "Row 9: someday is not a date",
            "Row 10: the same equipment or weight break as row 2",
        ):
            self.assertIn(expected, message)
        self.assertNotIn("Row 2:", message)
        self.assertIn("8 errors", message)
        self.assertEqual(self.env["freight.rate"].search_count([]), rate_count)

    def test_import_single_bad_row(self):
        with self.assertRaisesRegex(UserError, "Row 2: unknown location code VNXXX"):
            self._import(self._xlsx([self._fcl_row(destination="vnxxx")]))

    def test_import_refuses_overlaps(self):
        existing = self._create_fcl_rate()
        rate_count = self.env["freight.rate"].search_count([])
        rows = [
            # the 20GP of the existing active rate, for days it covers
            self._fcl_row("20GP", 880),
            # a second card of the file for the same lane, overlapping the first
            self._fcl_row(
                "40GP",
                700,
                date_from=fields.Date.add(self.date_from, days=3),
                date_to=fields.Date.add(self.date_to, days=3),
            ),
            self._fcl_row("40GP", 720),
        ]
        with assert_refused(
            self,
            UserError,
            r"Nothing was imported: fix these 2 errors and import the file again\.",
        ) as error:
            self._import(self._xlsx(rows))
        message = str(error.exception)
        self.assertIn(f"Row 2: overlaps the active rate {existing.name}", message)
        self.assertIn("Row 3: its validity overlaps row 4", message)
        self.assertEqual(self.env["freight.rate"].search_count([]), rate_count)

    def test_import_unknown_columns_and_missing_columns(self):
        headers = [header for header in HEADERS if header != "Price"] + ["XYZ"]
        with assert_refused(
            self,
            UserError,
            r"Nothing was imported: fix these 2 errors and import the file again\.",
        ) as error:
            self._import(self._xlsx([["Ocean Line"]], headers))
        message = str(error.exception)
        self.assertIn("The column Price is missing.", message)
        self.assertIn("Column XYZ is neither a rate column nor a charge code", message)

    def test_template_imports_as_is(self):
        wizard = self.env["freight.rate.import"].with_user(self.pricing_user).create({})
        action = wizard.action_download_template()
        self.assertIn("/template_file/", action["url"])
        template = base64.b64decode(wizard.template_file)
        workbook = openpyxl.load_workbook(io.BytesIO(template), read_only=True)
        self.assertEqual(workbook.sheetnames, ["Rates", "Instructions"])
        rates = self._import(template, activate=True)
        self.assertEqual(sorted(rates.mapped("freight_mode")), ["air", "sea_fcl"])
        self.assertEqual(len(rates.line_ids), 4)

    def test_export_round_trip(self):
        rates = self._create_fcl_rate(
            activate=False,
            transit_days=9,
            remarks="Via Kaohsiung",
            surcharges=[
                {"charge_type_id": self.charge["baf"].id, "amount": 110.0},
                {
                    "charge_type_id": self.charge["thc"].id,
                    "amount": 2_400_000,
                    "currency_id": self.vnd.id,
                    "container_type_id": self.c20.id,
                },
                {
                    "charge_type_id": self.charge["thc"].id,
                    "amount": 3_600_000,
                    "currency_id": self.vnd.id,
                    "container_type_id": self.c40hc.id,
                },
            ],
        )
        rates |= self._create_rate(
            carrier=self.airline,
            mode="air",
            origin=self.aol,
            destination=self.aod,
            activate=False,
            minimum_amount=80.0,
            lines=[
                {"weight_break": 0.0, "price": 4.5},
                {"weight_break": 100.0, "price": 3.1},
            ],
            surcharges=[{"charge_type_id": self.charge["fsc"].id, "amount": 0.9}],
        )
        snapshot = self._snapshot(rates)
        wizard = (
            self.env["freight.rate.export"]
            .with_user(self.pricing_user)
            .with_context(active_model="freight.rate", active_ids=rates.ids)
            .create({})
        )
        self.assertEqual(wizard.rate_count, 2)
        output = io.BytesIO()
        self.assertEqual(wizard._write_xlsx(output), 4)
        rates.unlink()
        imported = self._import(output.getvalue())
        self.assertEqual(self._snapshot(imported), snapshot)

    def _snapshot(self, rates):
        return sorted(
            (
                rate.carrier_id.id,
                rate.freight_mode,
                rate.origin_id.id,
                rate.destination_id.id,
                rate.date_from,
                rate.date_to,
                rate.currency_id.id,
                rate.transit_days,
                rate.minimum_amount,
                rate.remarks or "",
                tuple(
                    sorted(
                        rate.line_ids.mapped(
                            lambda line: (
                                line.container_type_id.id,
                                line.weight_break,
                                line.price,
                            )
                        )
                    )
                ),
                tuple(
                    sorted(
                        rate.surcharge_ids.mapped(
                            lambda surcharge: (
                                surcharge.charge_type_id.id,
                                surcharge.currency_id.id,
                                surcharge.container_type_id.id,
                                surcharge.amount,
                            )
                        )
                    )
                ),
            )
            for rate in rates
        )

    def test_export_query_count_independent_of_rates(self):
        def create_rates(count, start):
            return self.env["freight.rate"].create(
                [
                    {
                        "carrier_id": self.carrier.id,
                        "freight_mode": "sea_fcl",
                        "origin_id": self.pol.id,
                        "destination_id": self.pod.id,
                        "date_from": fields.Date.add(self.today, days=start + 10 * i),
                        "date_to": fields.Date.add(self.today, days=start + 10 * i + 9),
                        "line_ids": [
                            Command.create(
                                {"container_type_id": self.c20.id, "price": 900}
                            ),
                            Command.create(
                                {"container_type_id": self.c40hc.id, "price": 1500}
                            ),
                        ],
                        "surcharge_ids": [
                            Command.create(
                                {"charge_type_id": self.charge["baf"].id, "amount": 90}
                            )
                        ],
                    }
                    for i in range(count)
                ]
            )

        few = create_rates(2, 0)
        many = create_rates(20, 100)

        def export_queries(rates):
            wizard = (
                self.env["freight.rate.export"]
                .with_user(self.pricing_user)
                .create({"domain": repr([("id", "in", rates.ids)])})
            )
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            wizard._write_xlsx(io.BytesIO())
            return self.env.cr.sql_log_count - before

        export_queries(few)  # warm the registry caches
        self.assertEqual(export_queries(many), export_queries(few))


@tagged("post_install", "-at_install")
class TestRateSheetDownload(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pricing_user = new_test_user(
            cls.env,
            "pricer_web",
            groups="crm_freight_pricing.group_freight_pricing_user",
        )
        cls.rate = cls.env["freight.rate"].create(
            {
                "carrier_id": cls.env["res.partner"]
                .create({"name": "Web Line", "is_shipping_line": True})
                .id,
                "origin_id": cls.env.ref("crm_freight_pricing.location_vncli").id,
                "destination_id": cls.env.ref("crm_freight_pricing.location_cnsha").id,
                "date_from": "2026-03-01",
                "date_to": "2026-03-15",
                "line_ids": [
                    Command.create(
                        {
                            "container_type_id": cls.env.ref(
                                "crm_freight_pricing.container_type_20gp"
                            ).id,
                            "price": 875.0,
                        }
                    )
                ],
            }
        )

    def test_export_and_template_download(self):
        self.authenticate("pricer_web", "pricer_web")
        export = (
            self.env["freight.rate.export"]
            .with_user(self.pricing_user)
            .create({"domain": repr([("id", "=", self.rate.id)])})
        )
        response = self.url_open(export.action_export()["url"])
        self.assertEqual(response.status_code, 200)
        self.assertIn("Rates.xlsx", response.headers["Content-Disposition"])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        self.assertEqual(
            [cell.value for cell in sheet[2]][:3], ["Web Line", "Sea FCL", "VNCLI"]
        )
        self.assertEqual(sheet.max_row, 2)
        importer = (
            self.env["freight.rate.import"].with_user(self.pricing_user).create({})
        )
        response = self.url_open(importer.action_download_template()["url"])
        self.assertEqual(response.status_code, 200)
        workbook = openpyxl.load_workbook(io.BytesIO(response.content))
        self.assertEqual(workbook.sheetnames, ["Rates", "Instructions"])
