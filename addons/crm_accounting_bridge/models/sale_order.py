from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount


class SaleOrder(models.Model):
    _inherit = "sale.order"

    credit_problem = fields.Text(
        compute="_compute_credit_problem",
        groups="sales_team.group_sale_salesman,account.group_account_invoice,"
        "account.group_account_readonly",
        help="Why confirming this order goes beyond the customer's credit.",
    )
    credit_approval_pending = fields.Boolean(
        string="Awaiting Credit Approval",
        groups="base.group_user",
        copy=False,
        readonly=True,
        tracking=True,
        help="The customer signed or paid this order online, but its credit "
        "blocks the confirmation: it waits for an accounting manager's credit "
        "exception.",
    )
    # the company's credit decisions are not the customer's to read (portal)
    credit_exception_reason = fields.Text(
        groups="base.group_user",
        copy=False,
        readonly=True,
        help="Why an accounting manager let this order be confirmed beyond the "
        "customer's credit.",
    )
    credit_exception_user_id = fields.Many2one(
        "res.users",
        string="Credit Exception Approved By",
        groups="base.group_user",
        copy=False,
        readonly=True,
    )
    credit_exception_date = fields.Datetime(
        groups="base.group_user", copy=False, readonly=True
    )
    credit_exception_amount = fields.Monetary(
        groups="base.group_user",
        copy=False,
        readonly=True,
        help="Order total the credit exception was approved for; a larger total "
        "needs a new approval.",
    )

    @api.depends(
        "state", "partner_invoice_id", "amount_total", "currency_rate", "company_id"
    )
    def _compute_credit_problem(self):
        # Once an accounting manager let the order through (exception or lifted
        # hold), nothing is left to warn about: the banner goes with the problem.
        for order in self:
            problems = []
            if (
                order.state in ("draft", "sent")
                and order.company_id.crm_credit_control != "none"
                and not order._is_credit_checked_out()
            ):
                problems = order._get_credit_problems()
            order.credit_problem = "\n".join(problems) or False

    def _compute_partner_credit_warning(self):
        # The suite's credit check covers Odoo's credit limit (and overdue
        # invoices): where it runs, its banner is the only one on the order.
        result = super()._compute_partner_credit_warning()
        self.filtered(
            lambda order: order.company_id.crm_credit_control != "none"
        ).partner_credit_warning = ""
        return result

    def action_confirm(self):
        self._check_credit_control()
        result = super().action_confirm()
        self.filtered("credit_approval_pending").credit_approval_pending = False
        return result

    def _validate_order(self):
        # The customer's own signature in the portal: orders their credit blocks
        # wait for the company's approval instead of failing the signature.
        held = self.filtered(lambda order: order._get_blocking_credit_problems())
        held._hold_for_credit_approval()
        return super(SaleOrder, self - held)._validate_order()

    def _check_credit_control(self):
        """Warn or refuse, per the company's setting, before confirming orders that
        go beyond the customer's credit."""
        # Figures cached earlier in the transaction may predate orders confirmed
        # since, and orders confirmed together count for each other.
        Partner = self.env["res.partner"]
        Partner.invalidate_model(Partner._get_figure_fields())
        batch_amounts = defaultdict(float)
        for order in self:
            partner = order._get_credit_partner()
            other_orders_amount = batch_amounts[partner]
            batch_amounts[partner] += order._get_credit_amount()
            mode = order.company_id.crm_credit_control
            if mode == "none" or order._is_credit_checked_out():
                continue
            problems = order._get_credit_problems(other_orders_amount)
            if not problems:
                continue
            if mode == "block":
                raise UserError(
                    self.env._(
                        "%(order)s cannot be confirmed:\n%(problems)s\n"
                        "Ask an accounting manager to approve a credit exception.",
                        order=order.name,
                        problems="\n".join(problems),
                    )
                )
            order.message_post(
                body=self.env._(
                    "Confirmed beyond the customer's credit: %(problems)s",
                    problems=" ".join(problems),
                )
            )

    def _get_blocking_credit_problems(self):
        """What keeps this order from being confirmed when the company blocks
        orders beyond credit; nothing in other modes or once approved."""
        self.ensure_one()
        if (
            self.company_id.crm_credit_control != "block"
            or self._is_credit_checked_out()
        ):
            return []
        Partner = self.env["res.partner"]
        Partner.invalidate_model(Partner._get_figure_fields())
        return self._get_credit_problems()

    def _hold_for_credit_approval(self):
        """Mark orders the customer signed or paid as awaiting the company's credit
        approval, and tell their salesperson and the accounting managers why. The
        customer only learns that the order awaits confirmation."""
        for order in self.filtered(lambda order: not order.credit_approval_pending):
            problems = order._get_credit_problems()
            order.credit_approval_pending = True
            managers = order._get_credit_approvers()
            body = self.env._(
                "Signed or paid by the customer, but not confirmed: its credit needs "
                "an accounting manager's exception. %(problems)s",
                problems=" ".join(problems),
            )
            order.message_post(
                body=body,
                subtype_xmlid="mail.mt_note",
                partner_ids=managers.partner_id.ids,
            )
            responsible = order.user_id or managers[:1]
            if responsible:
                order.activity_schedule(
                    act_type_xmlid="mail.mail_activity_data_todo",
                    summary=self.env._("Awaiting credit approval"),
                    note=body,
                    user_id=responsible.id,
                )

    def _get_credit_approvers(self):
        """Users of the order's company who grant credit exceptions (accounting
        managers, and whoever was given the special permission)."""
        self.ensure_one()
        return (
            self.env.ref("crm_accounting_bridge.group_credit_exception")
            .sudo()
            .users.filtered(
                lambda user: not user.share and self.company_id in user.company_ids
            )
        )

    def _is_credit_checked_out(self):
        """Whether an accounting manager let this order through: an exception
        approved for this order (up to the approved total), or the customer's
        credit hold lifted until today or later."""
        self.ensure_one()
        approved = self.credit_exception_user_id and (
            self.currency_id.compare_amounts(
                self.amount_total, self.credit_exception_amount
            )
            <= 0
        )
        lifted_until = self._get_credit_partner().credit_hold_lifted_until
        return bool(
            approved
            or (lifted_until and lifted_until >= fields.Date.context_today(self))
        )

    def _get_credit_partner(self):
        self.ensure_one()
        # sudo: the credit check counts every salesperson's documents and the
        # customer's credit limit; whoever confirms sees only its outcome.
        return self.partner_invoice_id.commercial_partner_id.sudo().with_company(
            self.company_id
        )

    def _get_credit_amount(self):
        """The order's total in its company's currency."""
        self.ensure_one()
        return self.amount_total / (self.currency_rate or 1.0)

    def _get_credit_problems(self, other_orders_amount=0.0):
        """Messages saying how this order, if confirmed, goes beyond the customer's
        credit in its company: over the credit limit, or invoices overdue for longer
        than the credit term. ``other_orders_amount``: orders being confirmed with
        this one."""
        self.ensure_one()
        partner = self._get_credit_partner()
        currency = self.company_id.currency_id
        problems = []
        limit = partner.effective_credit_limit
        order_amount = self._get_credit_amount() + other_orders_amount
        if limit and partner.credit_used_amount + order_amount > limit:
            problems.append(
                self.env._(
                    "%(customer)s would use %(used)s of its %(limit)s credit limit.",
                    customer=partner.display_name,
                    used=format_amount(
                        self.env, partner.credit_used_amount + order_amount, currency
                    ),
                    limit=format_amount(self.env, limit, currency),
                )
            )
        problems += self._get_group_credit_problems(order_amount)
        if partner.overdue_invoice_count and (
            partner.overdue_days > partner.credit_term_days
        ):
            problems.append(
                self.env._(
                    "%(customer)s has invoices overdue for %(days)s days, longer than "
                    "its credit term of %(term)s days.",
                    customer=partner.display_name,
                    days=partner.overdue_days,
                    term=partner.credit_term_days,
                )
            )
        return problems

    def _get_group_credit_problems(self, order_amount):
        """Messages saying how an order of ``order_amount`` goes beyond the group
        credit limit of a group of companies the customer belongs to."""
        self.ensure_one()
        currency = self.company_id.currency_id
        if not self.company_id.account_use_credit_limit:
            return []
        problems = []
        for group in self._get_credit_partner()._get_credit_groups():
            used = group.group_credit_used_amount + order_amount
            if currency.compare_amounts(used, group.group_credit_limit) > 0:
                problems.append(
                    self.env._(
                        "The group %(group)s would use %(used)s of its %(limit)s "
                        "group credit limit.",
                        group=group.display_name,
                        used=format_amount(self.env, used, currency),
                        limit=format_amount(
                            self.env, group.group_credit_limit, currency
                        ),
                    )
                )
        return problems
