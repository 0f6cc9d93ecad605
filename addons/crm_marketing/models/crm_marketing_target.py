from odoo import fields, models


class CrmMarketingTarget(models.Model):
    """One customer a campaign aimed at, frozen when the campaign starts: who was
    targeted stays known however the customer file changes afterwards."""

    _name = "crm.marketing.target"
    _description = "Campaign Target"
    _order = "campaign_id desc, id"
    _rec_name = "partner_id"
    _check_company_auto = True

    campaign_id = fields.Many2one(
        "utm.campaign", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index="btree_not_null",
        help="The customer's salesperson when the campaign started.",
    )
    company_id = fields.Many2one(
        related="campaign_id.company_id", store=True, index=True, precompute=True
    )
    email_opt_out = fields.Boolean(
        string="E-mail Opted Out",
        readonly=True,
        help="The customer's e-mail address is on Odoo's blacklist: no campaign "
        "e-mail goes to it, calls and visits still do.",
    )

    task_id = fields.Many2one(
        "crm.customer.interaction",
        string="Salesperson Task",
        index="btree_not_null",
        check_company=True,
        ondelete="set null",
        readonly=True,
        help="The call or visit planned for this customer when the campaign started.",
    )
    task_user_id = fields.Many2one(related="task_id.user_id", string="Task Assigned To")
    task_state = fields.Selection(related="task_id.state", string="Task Status")

    _sql_constraints = [
        (
            "campaign_partner_unique",
            "UNIQUE(campaign_id, partner_id)",
            "A customer is targeted only once by a campaign.",
        ),
    ]
