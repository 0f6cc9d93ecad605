from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date, groupby


class CommissionSettlement(models.Model):
    """A settlement of a plan's period: its lines recomputed together whenever lines
    are added (cumulative tiers, credit notes taking back what was settled), then
    approved by a sales manager, after which nothing is added to it."""

    _inherit = "commission.settlement"
    _check_company_auto = True

    approved_user_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False, tracking=True
    )
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)

    # OCA leaves the settlement nameless: the salesperson and the period name it
    @api.depends("agent_id.name", "date_from", "date_to")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for settlement in self:
            settlement.display_name = " — ".join(
                filter(None, [settlement.agent_id.name, settlement._period_label()])
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_approve(self):
        for settlement in self:
            if settlement.state != "settled" or settlement.approved_user_id:
                raise UserError(
                    self.env._(
                        "Settlement %(name)s: only a settlement not approved yet "
                        "can be approved.",
                        name=settlement.display_name,
                    )
                )
        self.write(
            {
                "approved_user_id": self.env.user.id,
                "approved_date": fields.Datetime.now(),
            }
        )

    def action_cancel(self):
        self.write({"approved_user_id": False, "approved_date": False})
        return super().action_cancel()

    def make_invoices(self, journal, product, date=False, grouped=False):
        not_approved = self.filtered(
            lambda s: (
                not s.approved_user_id
                and any(s.line_ids.commission_id.mapped("is_plan"))
            )
        )
        if not_approved:
            raise UserError(
                self.env._(
                    "Approve settlement %(name)s before making its vendor bill.",
                    name=not_approved[0].display_name,
                )
            )
        return super().make_invoices(journal, product, date=date, grouped=grouped)

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _period_label(self):
        """ "11/2026" for a month (the language's order), else the two dates."""
        self.ensure_one()
        start, end = self.date_from, self.date_to
        if not start or not end:
            return ""
        if start.day == 1 and end == start + relativedelta(day=31):
            return self.env._(
                "%(month)s/%(year)s", month=f"{start.month:02d}", year=start.year
            )
        return self.env._(
            "%(date_from)s – %(date_to)s",
            date_from=format_date(self.env, start),
            date_to=format_date(self.env, end),
        )

    def _recompute_plan_lines(self):
        """Each plan's lines of the settlement, in date order: a credit note whose
        invoice was settled earlier takes back that commission in proportion; the other
        lines share the period's tiered commission of their cumulative base."""
        for settlement in self.filtered(
            lambda s: s.state == "settled" and not s.approved_user_id
        ):
            currency = settlement.currency_id
            lines = settlement.line_ids.filtered(
                lambda line: line.invoice_agent_line_id and line.commission_id.is_plan
            )
            for plan, plan_lines in groupby(lines, key=lambda line: line.commission_id):
                cumulated = settlement.env["commission.settlement.line"]
                for line in plan_lines:
                    if line.note:
                        # excluded: visibly on the settlement, for nothing
                        line.settled_amount = 0.0
                        continue
                    taken_back = line._taken_back_amount()
                    if taken_back is None:
                        cumulated |= line
                    else:
                        line.settled_amount = taken_back
                if plan.commission_type != "section" or plan.tier_scope != "period":
                    continue
                base = previous = 0.0
                for line in cumulated.sorted(lambda line: (line.date, line.id)):
                    base += line.base_amount
                    total = currency.round(plan._tiered_amount(max(base, 0.0)))
                    line.settled_amount = total - previous
                    previous = total
        self._settle_new_customer_bonuses()

    def _settle_new_customer_bonuses(self):
        """One bonus line per customer new in the period: the customer's first posted
        invoice ever (in the company) is one of the settlement's, under a plan with a
        new-customer bonus, and no other settlement paid the bonus yet."""
        Line = self.env["commission.settlement.line"]
        vals_list = []
        for settlement in self.filtered(
            lambda s: s.state == "settled" and not s.approved_user_id
        ):
            lines = settlement.line_ids.filtered(
                lambda line: (
                    line.invoice_agent_line_id
                    and not line.note
                    and line.commission_id.new_customer_bonus_type
                    and line.invoice_id.move_type == "out_invoice"
                )
            )
            if not lines:
                continue
            customers = lines.invoice_id.commercial_partner_id
            first_dates = dict(
                self.env["account.move"]._read_group(
                    [
                        ("move_type", "=", "out_invoice"),
                        ("state", "=", "posted"),
                        ("company_id", "=", settlement.company_id.id),
                        ("commercial_partner_id", "in", customers.ids),
                    ],
                    ["commercial_partner_id"],
                    ["invoice_date:min"],
                )
            )
            paid = Line.search(
                [
                    ("agent_id", "=", settlement.agent_id.id),
                    ("bonus_invoice_id.commercial_partner_id", "in", customers.ids),
                    ("settlement_id.state", "!=", "cancel"),
                ]
            ).bonus_invoice_id.commercial_partner_id
            for invoice, invoice_lines in lines.grouped("invoice_id").items():
                customer = invoice.commercial_partner_id
                first_date = first_dates.get(customer)
                if (
                    customer in paid
                    or invoice.invoice_date != first_date
                    or not settlement.date_from <= first_date <= settlement.date_to
                ):
                    continue
                paid |= customer
                plan = invoice_lines[0].commission_id
                base = sum(invoice_lines.mapped("base_amount"))
                bonus = settlement.currency_id.round(plan._bonus_amount(base))
                if bonus:
                    vals_list.append(
                        {
                            "settlement_id": settlement.id,
                            "date": invoice.invoice_date,
                            "commission_id": plan.id,
                            "settled_amount": bonus,
                            "bonus_invoice_id": invoice.id,
                        }
                    )
        if vals_list:
            Line.create(vals_list)
