from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import format_date


class ResPartner(models.Model):
    _name = "res.partner"
    # the group figures mixin brings the customer figures mixin it extends
    _inherit = ["res.partner", "crm.customer.group.figures.mixin"]

    payment_conditions = fields.Text(
        company_dependent=True,
        help="Payment conditions agreed with the customer, in words (deposit, "
        "documents required...).",
    )
    credit_term_days = fields.Integer(
        string="Credit Term (Days)",
        company_dependent=True,
        help="Number of days an invoice may stay overdue before the customer is "
        "considered a credit risk.",
    )
    credit_hold_lifted_until = fields.Date(
        company_dependent=True,
        help="Until this date, orders of this customer are confirmed whatever its "
        "credit. Set by accounting managers.",
    )

    @api.constrains("credit_limit", "credit_term_days")
    def _check_credit_settings(self):
        for partner in self.sudo():
            if partner.credit_limit < 0:
                raise ValidationError(
                    self.env._(
                        "The credit limit of %(partner)s cannot be negative.",
                        partner=partner.display_name,
                    )
                )
            if partner.credit_term_days < 0:
                raise ValidationError(
                    self.env._(
                        "The credit term of %(partner)s cannot be a negative "
                        "number of days.",
                        partner=partner.display_name,
                    )
                )

    @api.constrains("credit_hold_lifted_until")
    def _check_credit_hold_lifted_until(self):
        today = fields.Date.context_today(self)
        for partner in self:
            lifted_until = partner.credit_hold_lifted_until
            if lifted_until and lifted_until < today:
                raise ValidationError(
                    self.env._(
                        "A credit hold can only be lifted until today or a later "
                        "date: %(date)s is past (customer %(partner)s).",
                        date=format_date(self.env, lifted_until),
                        partner=partner.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.browse()._check_credit_terms_access(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_credit_terms_access(vals)
        partners = self
        if self._is_credit_settings_write(vals):
            # Accounting may set credit terms and lift holds without the right to
            # edit contacts (checked above: who may set which field).
            self.check_access("read")
            partners = self.sudo()
        result = super(ResPartner, partners).write(vals)
        if vals.get("credit_hold_lifted_until"):
            for partner in partners:
                partner.message_post(
                    body=self.env._(
                        "Credit hold lifted until %(date)s by %(user)s.",
                        date=format_date(self.env, partner.credit_hold_lifted_until),
                        user=self.env.user.name,
                    )
                )
        return result

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_open_overdue_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [
            ("commercial_partner_id", "=", self.commercial_partner_id.id),
            ("company_id", "=", self.env.company.id),
            ("state", "=", "posted"),
            ("line_ids", "any", self._get_overdue_line_domain()),
        ]
        action["context"] = {"create": False}
        action["display_name"] = self.env._("Overdue Invoices")
        return action

    def action_open_receivable_ledger(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_account_moves_all"
        )
        action["domain"] = [
            (
                "partner_id.commercial_partner_id",
                "=",
                self.commercial_partner_id.id,
            ),
            ("company_id", "=", self.env.company.id),
            ("parent_state", "=", "posted"),
            ("account_type", "=", "asset_receivable"),
        ]
        action["context"] = {"create": False, "search_default_unreconciled": 1}
        action["display_name"] = self.env._("Receivable Ledger")
        return action

    # ------------------------------------------------------------
    # FIGURES
    # ------------------------------------------------------------

    def _get_receivable_line_domain(self, commercial_ids=None):
        domain = [
            ("company_id", "=", self.env.company.id),
            ("parent_state", "=", "posted"),
            ("account_type", "=", "asset_receivable"),
            ("reconciled", "=", False),
        ]
        if commercial_ids is not None:
            domain.append(("partner_id.commercial_partner_id", "in", commercial_ids))
        return domain

    def _get_overdue_line_domain(self):
        return [
            ("account_type", "=", "asset_receivable"),
            ("reconciled", "=", False),
            ("amount_residual", ">", 0),
            ("date_maturity", "<", fields.Date.context_today(self)),
        ]

    def _check_credit_terms_access(self, vals):
        """Credit terms are the accounting department's to set, as Odoo's credit
        limit is, and lifting a credit hold its managers'; the sales side reads
        them."""
        if self.env.su:
            return
        for fname, group, message in self._get_credit_terms_rights():
            if fname not in vals or self.env.user.has_group(group):
                continue
            new_value = vals[fname] or False
            if any((partner[fname] or False) != new_value for partner in self) or (
                not self and new_value
            ):
                raise AccessError(message)

    def _is_credit_settings_write(self, vals):
        """Whether ``vals`` only sets credit settings the user is allowed to set."""
        if self.env.su or not vals:
            return False
        rights = {
            fname: group for fname, group, _message in self._get_credit_terms_rights()
        }
        return all(
            fname in rights and self.env.user.has_group(rights[fname]) for fname in vals
        )

    def _get_credit_terms_rights(self):
        group_message = self.env._(
            "Only the accounting department can set a group credit limit."
        )
        terms_message = self.env._(
            "Only the accounting department can change a customer's credit term "
            "and payment conditions."
        )
        return [
            ("credit_term_days", "account.group_account_invoice", terms_message),
            ("payment_conditions", "account.group_account_invoice", terms_message),
            (
                "credit_hold_lifted_until",
                "crm_accounting_bridge.group_credit_exception",
                self.env._(
                    "Lifting a credit hold takes the Grant Credit Exceptions "
                    "permission (accounting managers)."
                ),
            ),
            ("use_group_credit_limit", "account.group_account_invoice", group_message),
            ("group_credit_limit", "account.group_account_invoice", group_message),
        ]
