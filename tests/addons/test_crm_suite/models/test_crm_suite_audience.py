from odoo import fields, models


class CrmSuiteAudience(models.Model):
    _name = "test.crm.suite.audience"
    _description = "Test Audience"
    _inherit = ["crm.customer.audience.mixin"]
    _check_company_auto = True

    name = fields.Char(required=True)
    excluded_partner_ids = fields.Many2many(
        relation="test_crm_suite_audience_excluded_partner_rel"
    )
