"""Every role opens the documents it may read, with the whole suite installed.

A module adds fields to a shared form (the quotation, the customer): the form then reads
their comodels too, and a role that may read the document but not those comodels gets an
access error instead of the form. Each role here loads each main document's form the way
the web client does (``odoo.tests.Form``: the view, then ``web_read`` of its fields).
"""

from test_access_policy import ROLES

from odoo import Command
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user

DOCUMENTS = (
    "res.partner",
    "crm.lead",
    "sale.order",
    "account.move",
    "crm.contract",
    "freight.rate",
    "freight.inquiry",
    "freight.booking.request",
    "helpdesk.ticket",
    "utm.campaign",
    "crm.marketing.plan",
    "crm.market.intelligence",
)


@tagged("post_install", "-at_install")
class TestRoleForms(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: mail_new_test_user(cls.env, login=f"role_forms_{role}", groups=groups)
            for role, groups in ROLES.items()
            if role != "portal"
        }
        customer = cls.env["res.partner"].create(
            {"name": "Công ty Mẫu", "is_company": True, "customer_type": "customer"}
        )
        product = cls.env["product.product"].create(
            {"name": "Role Forms Freight", "type": "service", "list_price": 100.0}
        )
        order = cls.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [Command.create({"product_id": product.id})],
            }
        )
        cls.samples = {"res.partner": customer, "sale.order": order}
        for model in DOCUMENTS:
            if model not in cls.samples and model in cls.env:
                cls.samples[model] = cls.env[model].search([], limit=1)

    def test_every_role_opens_the_documents_it_may_read(self):
        for model, record in self.samples.items():
            if not record:
                continue
            for role, user in self.users.items():
                if (
                    not self.env["ir.model.access"]
                    .with_user(user)
                    .check(model, "read", raise_exception=False)
                ):
                    continue
                mine = as_request(user, record)
                if not mine.search([("id", "=", record.id)]):
                    continue  # a record rule keeps it from the role
                with self.subTest(model=model, role=role):
                    Form(mine)
