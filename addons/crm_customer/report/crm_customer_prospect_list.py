from odoo import api, models


class ReportCrmCustomerProspectList(models.AbstractModel):
    _name = "report.crm_customer.report_prospect_list"
    _description = "Prospect List"

    @api.model
    def _get_report_values(self, docids, data=None):
        partners = self.env["res.partner"].browse(docids)
        by_salesperson = partners.sorted(
            lambda p: (p.user_id.name or "", p.customer_code or "", p.name or "")
        ).grouped("user_id")
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": partners,
            "groups": list(by_salesperson.items()),
        }
