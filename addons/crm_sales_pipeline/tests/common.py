from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.mail.tests.common import mail_new_test_user

SALESMAN_GROUPS = (
    "base.group_user,base.group_partner_manager,sales_team.group_sale_salesman"
)


class SalesPipelineCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = mail_new_test_user(
            cls.env, login="pipeline_salesman", groups=SALESMAN_GROUPS
        )
        cls.other_salesman = mail_new_test_user(
            cls.env, login="pipeline_other_salesman", groups=SALESMAN_GROUPS
        )
        cls.sales_manager = mail_new_test_user(
            cls.env,
            login="pipeline_manager",
            groups="base.group_user,base.group_partner_manager,"
            "sales_team.group_sale_manager",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Pipeline Test Trading", "customer_type": "prospect"}
        )
        Product = cls.env["product.product"]
        cls.freight, cls.thc, cls.doc_fee = Product.create(
            [
                {"name": "Test Ocean Freight", "type": "service", "list_price": 2400},
                {"name": "Test THC", "type": "service", "list_price": 180},
                {"name": "Test Doc Fee", "type": "service", "list_price": 40},
            ]
        )

    @classmethod
    def _quotation(cls, user=None, lines=None, **values):
        lines = lines or [(cls.freight, 10, 2400), (cls.thc, 10, 180)]
        return (
            cls.env["sale.order"]
            .with_user(user or cls.salesman)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": product.id,
                                "product_uom_qty": quantity,
                                "price_unit": price,
                                "tax_id": [(5, 0, 0)],
                            },
                        )
                        for product, quantity, price in lines
                    ],
                    **values,
                }
            )
        )
