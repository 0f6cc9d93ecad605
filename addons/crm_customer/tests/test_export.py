import datetime
import io
from unittest.mock import patch

import openpyxl

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from ..tools import cursor
from .common import CrmCustomerCommon, load_translations

# Ceilings of an export once caches are warm: the wizard, the access checks, its rows'
# query (DECLARE, one FETCH per batch and the empty one), for the customers the
# classification values and criteria; room left for other modules' columns and rules.
CUSTOMER_EXPORT_QUERIES = 16
INTERACTION_EXPORT_QUERIES = 10


def _read_sheet(output):
    sheet = openpyxl.load_workbook(io.BytesIO(output.getvalue())).active
    header, *lines = ([cell.value for cell in row] for row in sheet.iter_rows())
    return [dict(zip(header, line, strict=True)) for line in lines]


@tagged("post_install", "-at_install")
class TestCustomerExport(CrmCustomerCommon):
    def _export(self, partners, **context):
        wizard = (
            self.env["crm.customer.export.wizard"]
            .with_context(
                active_model="res.partner", active_ids=partners.ids, **context
            )
            .create({})
        )
        output = io.BytesIO()
        rows = wizard._write_xlsx(output)
        return rows, _read_sheet(output)

    def test_customers_with_one_column_per_criterion(self):
        customer = self.env["res.partner"].create(
            {
                "name": "Vận tải Biển Đông",
                "customer_type": "customer",
                "user_id": self.salesman.id,
                "classification_ids": [(6, 0, (self.district1 | self.logistics).ids)],
            }
        )
        rows, (line,) = self._export(customer)
        self.assertEqual(rows, 1)
        self.assertEqual(line["Name"], "Vận tải Biển Đông")
        self.assertEqual(line["Mnemonic Code"], "VTBD")
        self.assertEqual(line["Customer Type"], "Customer")
        self.assertEqual(line["Salesperson"], self.salesman.name)
        self.assertEqual(line["Test Region"], "Miền Nam / TP.HCM / Quận 1")
        self.assertEqual(line["Test Industry"], "Logistics")
        self.assertIsNone(line["Last Interaction Date"])

    def test_select_all_beyond_the_id_limit_exports_the_list_domain(self):
        self.env["ir.config_parameter"].set_param("web.active_ids_limit", "2")
        customers = self.env["res.partner"].create(
            [{"name": f"Select All {n}", "customer_type": "lead"} for n in range(3)]
        )
        rows, _lines = self._export(
            customers[:2], active_domain=[("name", "like", "Select All")]
        )
        self.assertEqual(rows, 3)

    def test_large_export_reads_in_batches(self):
        customers = self.env["res.partner"].create(
            [{"name": f"Customer {n}", "customer_type": "lead"} for n in range(2500)]
        )
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=40):
            rows, _lines = self._export(customers)
        self.assertEqual(rows, 2500)

    def _export_as(self, user, partners):
        wizard = (
            self.env["crm.customer.export.wizard"]
            .with_user(user)
            .create({"domain": repr([("id", "in", partners.ids)])})
        )
        output = io.BytesIO()
        rows = wizard._write_xlsx(output)
        return rows, _read_sheet(output)

    def test_queries_do_not_grow_with_the_customers(self):
        """One query streams every row, names and classifications included: 10 or
        40 customers cost the same, and a smaller fetch size only adds a FETCH per
        batch."""
        self.salesman.groups_id += self.env.ref("crm_customer.group_customer_export")
        vietnam = self.env.ref("base.vn")
        customers = self.env["res.partner"].create(
            [
                {
                    "name": f"Khách hàng {n}",
                    "customer_type": "customer",
                    "user_id": (self.salesman, self.other_salesman)[n % 2].id,
                    "country_id": vietnam.id,
                    "classification_ids": [
                        (6, 0, (self.district1 | self.logistics | self.textile).ids)
                    ],
                }
                for n in range(40)
            ]
        )
        query_counts = []
        for size in (10, 40):
            for _warm_up in range(2):
                self.env.invalidate_all()
                self._export_as(self.salesman, customers[:size])
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            rows, lines = self._export_as(self.salesman, customers[:size])
            query_counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(rows, size)
        self.assertEqual(query_counts[0], query_counts[1])
        # the ceiling leaves room for the columns and rules other modules add
        self.assertLessEqual(query_counts[0], CUSTOMER_EXPORT_QUERIES)
        self.assertEqual(
            [line["Salesperson"] for line in lines[:2]],
            [self.salesman.name, self.other_salesman.name],
        )
        self.assertEqual(lines[0]["Country"], vietnam.name)
        self.assertEqual(lines[0]["Test Region"], "Miền Nam / TP.HCM / Quận 1")
        self.assertEqual(lines[0]["Test Industry"], "Logistics, Textile")
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        with patch.object(cursor, "FETCH_SIZE", 10):
            rows, _lines = self._export_as(self.salesman, customers)
        self.assertEqual(rows, 40)
        # four FETCHes of 10 rows and the empty one, instead of 40 rows and the empty
        self.assertEqual(self.env.cr.sql_log_count - before, query_counts[1] + 3)

    def test_export_leaves_out_what_the_user_may_not_read(self):
        """The rows come from the ORM's search as the user: another company's
        customer and archived classification values are left out."""
        self.salesman.groups_id += self.env.ref("crm_customer.group_customer_export")
        other_company = self.env["res.company"].create({"name": "Chi nhánh Hà Nội"})
        customers = self.env["res.partner"].create(
            [
                {
                    "name": "Ours",
                    "customer_type": "customer",
                    "classification_ids": [(6, 0, (self.logistics | self.textile).ids)],
                },
                {
                    "name": "Theirs",
                    "customer_type": "customer",
                    "company_id": other_company.id,
                },
            ]
        )
        self.textile.active = False
        rows, lines = self._export_as(self.salesman, customers)
        self.assertEqual(rows, 1)
        self.assertEqual(lines[0]["Name"], "Ours")
        self.assertEqual(lines[0]["Test Industry"], "Logistics")


@tagged("post_install", "-at_install")
class TestInteractionExport(CrmCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.call = cls.env.ref("crm_customer.interaction_type_call")
        cls.meeting = cls.env.ref("crm_customer.interaction_type_meeting")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Export Log Co", "customer_code": "KH-EXPORT-1"}
        )
        # user time zone UTC+7: the period is read in local days
        cls.salesman.tz = cls.other_salesman.tz = "Asia/Ho_Chi_Minh"

        def log(name, start, user, interaction_type, **values):
            return cls.env["crm.customer.interaction"].create(
                {
                    "name": name,
                    "partner_id": cls.customer.id,
                    "user_id": user.id,
                    "type_id": interaction_type.id,
                    "date_start": start,
                    **values,
                }
            )

        log("Before", "2026-02-28 16:59:00", cls.salesman, cls.call)  # 23:59 local
        log("First day", "2026-02-28 17:00:00", cls.salesman, cls.call)  # 00:00
        log(
            "Meeting",
            "2026-03-10 02:00:00",
            cls.other_salesman,
            cls.meeting,
            date_end="2026-03-10 03:30:00",
            state="done",
            result="Agreed on rates",
            next_date="2026-03-20",
        )
        log("Last day", "2026-03-31 16:59:00", cls.salesman, cls.call)  # 23:59
        log("After", "2026-03-31 17:00:00", cls.salesman, cls.call)  # Apr 1, 00:00

    def _wizard(self, user=None, **values):
        return (
            self.env["crm.customer.interaction.export.wizard"]
            .with_user(user or self.sales_manager)
            .with_context(tz="Asia/Ho_Chi_Minh")
            .create({"date_from": "2026-03-01", "date_to": "2026-03-31", **values})
        )

    def _export(self, wizard):
        output = io.BytesIO()
        wizard._write_xlsx(output)
        return _read_sheet(output)

    def test_period_in_local_days_oldest_first(self):
        wizard = self._wizard()
        self.assertEqual(wizard.interaction_count, 3)
        lines = self._export(wizard)
        self.assertEqual(
            [line["Summary"] for line in lines], ["First day", "Meeting", "Last day"]
        )
        meeting = lines[1]
        self.assertEqual(meeting["Start"], datetime.datetime(2026, 3, 10, 9, 0))
        self.assertEqual(meeting["End"], datetime.datetime(2026, 3, 10, 10, 30))
        self.assertEqual(meeting["Type"], self.meeting.name)
        self.assertEqual(meeting["Customer"], "Export Log Co")
        self.assertEqual(meeting["Customer Code"], "KH-EXPORT-1")
        self.assertEqual(meeting["Salesperson"], self.other_salesman.name)
        self.assertEqual(meeting["Status"], "Done")
        self.assertEqual(meeting["Result"], "Agreed on rates")
        self.assertEqual(meeting["Next Step"], datetime.datetime(2026, 3, 20))
        self.assertIsNone(lines[0]["End"])

    def test_filter_by_salesperson_and_type(self):
        self.assertEqual(self._wizard(user_ids=self.salesman.ids).interaction_count, 2)
        self.assertEqual(self._wizard(type_ids=self.meeting.ids).interaction_count, 1)

    def test_own_documents_salesman_exports_only_his_interactions(self):
        lines = self._export(self._wizard(user=self.salesman))
        self.assertEqual([line["Summary"] for line in lines], ["First day", "Last day"])

    def test_queries_do_not_grow_with_the_interactions(self):
        """One query streams every row, names included: 10 or 40 more interactions
        in the period cost the same."""
        wizard = self._wizard()
        query_counts = []
        for added in (10, 30):
            self.env["crm.customer.interaction"].create(
                [
                    {
                        "name": f"Call {n}",
                        "partner_id": self.customer.id,
                        "user_id": self.salesman.id,
                        "type_id": self.call.id,
                        "date_start": "2026-03-15 01:00:00",
                    }
                    for n in range(added)
                ]
            )
            for _warm_up in range(2):
                self.env.invalidate_all()
                self._export(wizard)
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            lines = self._export(wizard)
            query_counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(query_counts[0], query_counts[1])
        self.assertLessEqual(query_counts[0], INTERACTION_EXPORT_QUERIES)
        self.assertEqual(len(lines), 3 + 40)
        self.assertEqual(lines[2]["Customer Code"], "KH-EXPORT-1")
        self.assertEqual(lines[2]["Salesperson"], self.salesman.name)

    def test_period_ending_before_it_starts_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._wizard(date_from="2026-04-01", date_to="2026-03-01")


@tagged("post_install", "-at_install")
class TestExportDownload(HttpCase):
    def _wizard(self, login):
        partner = self.env["res.partner"].create(
            {"name": "Downloaded", "customer_type": "lead"}
        )
        return (
            self.env["crm.customer.export.wizard"]
            .with_user(self.env["res.users"].search([("login", "=", login)]))
            .create({"domain": repr([("id", "=", partner.id)])})
        )

    def test_download_through_the_web_client_route(self):
        self.authenticate("admin", "admin")
        wizard = self._wizard("admin")
        response = self.url_open(f"/crm_customer/export/{wizard._name}/{wizard.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Customers.xlsx", response.headers["Content-Disposition"])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        self.assertEqual(sheet.max_row, 2)

    def test_download_reads_on_a_read_only_cursor(self):
        """The route is read-only: with a read replica configured (db_replica_host)
        the export runs there. It writes nothing on the way (a write would make Odoo
        run it again on a read/write cursor)."""
        self.authenticate("admin", "admin")
        wizard = self._wizard("admin")
        read_only = []
        write_xlsx = type(wizard)._write_xlsx

        def spy(export, output):
            read_only.append(export.env.cr.readonly)
            return write_xlsx(export, output)

        self.patch(type(wizard), "_write_xlsx", spy)
        response = self.url_open(f"/crm_customer/export/{wizard._name}/{wizard.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(read_only, [True])

    def test_another_users_wizard_is_not_found(self):
        self.env.ref("base.user_demo").groups_id += self.env.ref(
            "crm_customer.group_customer_export"
        )
        wizard = self._wizard("demo")
        self.authenticate("admin", "admin")
        response = self.url_open(f"/crm_customer/export/{wizard._name}/{wizard.id}")
        self.assertEqual(response.status_code, 404)

    def test_only_export_wizards_are_served(self):
        self.authenticate("admin", "admin")
        response = self.url_open("/crm_customer/export/res.partner/1")
        self.assertEqual(response.status_code, 404)


@tagged("post_install", "-at_install")
class TestMailXlsx(CrmCustomerCommon):
    """An export mailed to users, each in their own language (monthly crons)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_translations(cls.env, ["crm_customer"])
        cls.lan, cls.tuan, cls.wei = (
            mail_new_test_user(
                cls.env,
                login=login,
                groups="base.group_user",
                lang=lang,
                email=f"{login}@example.com",
            )
            for login, lang in (
                ("crm_mail_xlsx_lan", "vi_VN"),
                ("crm_mail_xlsx_tuan", "vi_VN"),
                ("crm_mail_xlsx_wei", "zh_CN"),
            )
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Vận tải Biển Đông", "customer_type": "customer"}
        )

    def test_each_recipient_gets_the_export_in_their_language(self):
        def prepare_mail(export):
            return f"{export.env.lang}.xlsx", {
                "subject": f"Customers ({export.env.lang})",
                "model": "res.partner",
                "res_id": self.customer.id,
            }

        mails = self.env["crm.customer.export.wizard"]._mail_xlsx(
            self.lan | self.tuan | self.wei,
            {"domain": repr([("id", "=", self.customer.id)])},
            prepare_mail,
        )
        self.assertEqual(len(mails), 2)
        by_recipient = {
            partner: mail for mail in mails for partner in mail.recipient_ids
        }
        self.assertEqual(
            by_recipient[self.lan.partner_id], by_recipient[self.tuan.partner_id]
        )
        for user, lang, header, customer_type in (
            (self.lan, "vi_VN", "Loại khách hàng", "Khách hàng"),
            (self.wei, "zh_CN", "客户类型", "客户"),
        ):
            with self.subTest(lang=lang):
                mail = by_recipient[user.partner_id]
                self.assertEqual(mail.subject, f"Customers ({lang})")
                attachment = mail.attachment_ids
                self.assertEqual(attachment.name, f"{lang}.xlsx")
                self.assertEqual(
                    (attachment.res_model, attachment.res_id),
                    ("res.partner", self.customer.id),
                )
                (line,) = _read_sheet(io.BytesIO(attachment.raw))
                self.assertEqual(line[header], customer_type)
