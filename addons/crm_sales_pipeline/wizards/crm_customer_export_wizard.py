from odoo import models


class CrmCustomerExportWizard(models.TransientModel):
    _inherit = "crm.customer.export.wizard"

    def _export_field_names(self):
        field_names = super()._export_field_names()
        position = field_names.index("user_id") + 1
        field_names[position:position] = [
            "previous_user_id",
            "is_difficult",
            "difficult_reason",
        ]
        return field_names
