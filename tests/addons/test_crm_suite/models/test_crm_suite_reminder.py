from odoo import fields, models


class CrmSuiteReminder(models.Model):
    """The least a model needs to be reminded of a date: the date, a company, a user."""

    _name = "test.crm.suite.reminder"
    _description = "Test Deadline Reminder"
    _inherit = ["mail.thread", "mail.activity.mixin", "crm.deadline.reminder.mixin"]
    _check_company_auto = True
    _deadline_reminder_date_field = "deadline"
    _deadline_reminder_days_field = "test_crm_suite_reminder_days"

    name = fields.Char(required=True)
    deadline = fields.Date()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one("res.users")


class ResCompany(models.Model):
    # the days setting of the test model, on the company as a real model's is
    _inherit = "res.company"

    test_crm_suite_reminder_days = fields.Integer(default=3)
