from freezegun import freeze_time

from odoo.addons.crm_service.tests.common import CrmServiceCommon
from odoo.addons.mail.tests.common import mail_new_test_user


class CrmServiceRepairCommon(CrmServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the service desk's repair agent: a team agent who also works in
        # Inventory, where Odoo's repair orders live
        cls.repair_agent = mail_new_test_user(
            cls.env,
            login="crm_service_repair_agent",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_team,"
            "stock.group_stock_user,stock.group_production_lot",
        )
        cls.team.user_ids |= cls.repair_agent
        cls.product.write(
            {"is_storable": True, "tracking": "serial", "warranty_months": 12}
        )
        Lot = cls.env["stock.lot"]
        cls.lot = Lot.create({"name": "RF-0001", "product_id": cls.product.id})
        cls.other_lot = Lot.create({"name": "RF-0002", "product_id": cls.product.id})
        Goods = cls.env["crm.service.goods"]
        cls.goods = Goods.create(
            {
                "partner_id": cls.customer.id,
                "product_id": cls.product.id,
                "lot_id": cls.lot.id,
                "delivery_date": "2026-03-02",
            }
        )
        cls.other_goods = Goods.create(
            {
                "partner_id": cls.other_customer.id,
                "product_id": cls.product.id,
                "lot_id": cls.other_lot.id,
                "delivery_date": "2026-03-02",
            }
        )

    def _case(self, user, **values):
        with freeze_time("2026-06-01 09:00:00"):
            return (
                self.env["helpdesk.ticket"]
                .with_user(user)
                .create(
                    {
                        "name": "Reefer alarm",
                        "description": "<p>Alarm at start</p>",
                        "partner_id": self.contact.id,
                        "user_id": user.id,
                        **values,
                    }
                )
            )
