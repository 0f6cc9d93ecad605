from datetime import timedelta
import re
from urllib.parse import quote

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.osv import expression

from ..tools import fold_search_text, fold_search_value, short_code_from_name


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "crm.customer.rights.mixin", "crm.customer.group.mixin"]
    _rec_names_search = [
        "complete_name",
        "email",
        "ref",
        "vat",
        "company_registry",
        "customer_code",
        "short_code",
    ]

    # Identification
    customer_code = fields.Char(
        index="trigram",
        copy=False,
        tracking=True,
        help="Unique code of the customer, from a sequence; "
        "sales managers may change it.",
    )
    short_code = fields.Char(
        string="Mnemonic Code",
        compute="_compute_short_code",
        inverse="_inverse_short_code",
        store=True,
        readonly=False,
        precompute=True,
        index="trigram",
        help="Initials of the name's words, found by name search wherever a "
        "customer is picked. Generated from the name; can be changed.",
    )
    short_code_typed = fields.Boolean(
        string="Mnemonic Code Typed",
        copy=False,
        help="The mnemonic code was typed by hand: renaming the customer keeps it.",
    )
    # what name search compares with a name typed without diacritics ("bien xanh");
    # stored and trigram-indexed: Odoo's unaccent depends on a server option
    name_folded = fields.Char(
        string="Name Without Diacritics",
        compute="_compute_name_folded",
        store=True,
        index="trigram",
        readonly=True,
    )
    trade_name = fields.Char(index="trigram")
    customer_type = fields.Selection(
        [
            ("lead", "Lead"),
            ("prospect", "Prospect"),
            ("customer", "Customer"),
            ("partner", "Partner"),
            ("competitor", "Competitor"),
        ],
        index=True,
        tracking=True,
    )
    # the one home of "has a customer file": a commercial entity, as Odoo's
    # commercial_partner_id says (a company, even under a group, or an individual)
    is_customer_file = fields.Boolean(
        string="Has a Customer File",
        compute="_compute_is_customer_file",
        search="_search_is_customer_file",
        help="A company (also one under a parent company) or an individual keeps "
        "a customer file; the contacts of a company do not.",
    )
    customer_status = fields.Selection(
        [
            ("active", "Active"),
            ("dormant", "Dormant"),
            ("lost", "Lost"),
            ("blacklisted", "Blacklisted"),
        ],
        default="active",
        index=True,
        tracking=True,
    )
    # Profile
    founding_date = fields.Date()
    registration_date = fields.Date(
        default=fields.Date.context_today,
        help="Date the customer was registered in the customer file.",
    )
    employee_count = fields.Integer(string="Number of Employees")
    finance_phone = fields.Char()
    responsible_team_id = fields.Many2one(
        "crm.team",
        string="Responsible Department",
        compute="_compute_responsible_team_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
        help="The sales team in charge of this customer; by default the team of its "
        "salesperson.",
    )
    # Classification
    classification_ids = fields.Many2many(
        "crm.customer.classification",
        "res_partner_crm_customer_classification_rel",
        "partner_id",
        "classification_id",
        string="Classifications",
        context={"active_test": False},
    )
    # The customer's people (gender, birthdate, department: OCA partner_contact_*)
    superior_id = fields.Many2one(
        "res.partner",
        index="btree_not_null",
        domain="[('parent_id', '=', parent_id), ('id', '!=', id), "
        "('is_company', '=', False)]",
    )
    home_phone = fields.Char()
    fax = fields.Char()
    zalo = fields.Char(help="Phone number or id the contact uses on Zalo.")
    zalo_url = fields.Char(string="Zalo Chat", compute="_compute_chat_urls")
    wechat = fields.Char(string="WeChat ID")
    wechat_url = fields.Char(string="WeChat Chat", compute="_compute_chat_urls")
    hobbies = fields.Text()
    birthday_month_day = fields.Char(
        compute="_compute_birthday_month_day",
        store=True,
        index="btree_not_null",
        help="MM-DD of the birthdate, to find upcoming birthdays with an index.",
    )
    birthday_reminder_year = fields.Integer(
        copy=False, help="Year of the last birthday the salesperson was reminded of."
    )
    # Free fields an administrator adds per company, without code
    properties_company_id = fields.Many2one(
        "res.company",
        compute="_compute_properties_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    customer_properties = fields.Properties(
        string="Free Fields",
        definition="properties_company_id.crm_customer_properties_definition",
        copy=True,
    )
    # Records kept on the customer
    financial_year_ids = fields.One2many(
        "crm.customer.financial.year", "partner_id", string="Yearly Figures"
    )
    news_ids = fields.One2many(
        "crm.customer.news", "partner_id", string="News and Media"
    )
    info_ids = fields.One2many(
        "crm.customer.info", "partner_id", string="Information Notes"
    )
    need_ids = fields.One2many("crm.customer.need", "partner_id", string="Needs")
    competitor_product_ids = fields.One2many(
        "crm.customer.competitor.product", "partner_id", string="Competitor Products"
    )
    # not `project_ids`: Odoo's project module gives res.partner that name
    customer_project_ids = fields.One2many(
        "crm.customer.project", "partner_id", string="Customer Projects"
    )
    duplicate_partner_ids = fields.Many2many(
        "res.partner",
        compute="_compute_duplicate_partner_ids",
        string="Possible Duplicates",
    )
    # Interactions
    interaction_ids = fields.One2many(
        "crm.customer.interaction", "partner_id", string="Interactions"
    )
    interaction_count = fields.Integer(compute="_compute_interaction_count")
    last_interaction_date = fields.Datetime(
        compute="_compute_last_interaction_date",
        store=True,
        index="btree_not_null",
        help="Start of the latest interaction done with this customer.",
    )

    _sql_constraints = [
        (
            "customer_code_unique",
            "unique(customer_code)",
            "Another customer already has this customer code.",
        ),
    ]

    @api.depends("is_company", "parent_id")
    def _compute_is_customer_file(self):
        for partner in self:
            partner.is_customer_file = partner.is_company or not partner.parent_id

    def _search_is_customer_file(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        if (operator == "=") == value:
            return ["|", ("is_company", "=", True), ("parent_id", "=", False)]
        return [("is_company", "=", False), ("parent_id", "!=", False)]

    @api.depends("name")
    def _compute_short_code(self):
        # a typed code is left as it is (not assigned: the stored value stays)
        for partner in self.filtered(lambda p: not p.short_code_typed):
            partner.short_code = short_code_from_name(partner.name)

    def _inverse_short_code(self):
        for partner in self:
            partner.short_code_typed = bool(
                partner.short_code
            ) and partner.short_code != short_code_from_name(partner.name)

    @api.depends("complete_name", "trade_name")
    def _compute_name_folded(self):
        for partner in self:
            partner.name_folded = fold_search_text(
                partner.complete_name, partner.trade_name
            )

    @api.model
    def _search_display_name(self, operator, value):
        """Also match names without their diacritics, whichever side lacks them:
        "bien xanh" and "Biển Xanh" both find "Biển Xanh" and "Bien Xanh"."""
        domain = super()._search_display_name(operator, value)
        folded = fold_search_value(operator, value)
        if not folded:
            return domain
        # like Odoo's own partner search: a company found brings its contacts
        matching = self._search([("name_folded", operator, folded)])
        return expression.OR([domain, [("id", "child_of", matching)]])

    @api.depends("company_id")
    def _compute_properties_company_id(self):
        for partner in self:
            partner.properties_company_id = partner.company_id or self.env.company

    @api.depends("zalo", "wechat")
    def _compute_chat_urls(self):
        for partner in self:
            zalo = re.sub(r"[^0-9A-Za-z]", "", partner.zalo or "")
            partner.zalo_url = f"https://zalo.me/{zalo}" if zalo else False
            wechat = (partner.wechat or "").strip()
            partner.wechat_url = (
                f"weixin://dl/chat?{quote(wechat)}" if wechat else False
            )

    @api.depends("birthdate_date")
    def _compute_birthday_month_day(self):
        for partner in self:
            birthdate = partner.birthdate_date
            partner.birthday_month_day = (
                birthdate.strftime("%m-%d") if birthdate else False
            )

    @api.depends("name", "vat", "phone", "mobile", "is_company", "parent_id")
    def _compute_duplicate_partner_ids(self):
        """Customers already filed with the same name, tax id or phone: shown as a
        warning on the form (only the form reads this field)."""
        for partner in self:
            domains = []
            if partner.name and partner.is_customer_file:
                domains.append([("name", "=ilike", partner.name.strip())])
            if partner.vat:
                domains.append([("vat", "=", partner.vat)])
            for phone in filter(None, {partner.phone, partner.mobile}):
                domains.append(["|", ("phone", "=", phone), ("mobile", "=", phone)])
            if not domains:
                partner.duplicate_partner_ids = False
                continue
            partner.duplicate_partner_ids = self.search(
                expression.AND(
                    [
                        expression.OR(domains),
                        [
                            ("id", "!=", partner._origin.id),
                            ("is_customer_file", "=", True),
                        ],
                    ]
                ),
                limit=5,
            )

    @api.depends("user_id")
    def _compute_responsible_team_id(self):
        for partner in self:
            if partner.user_id.sale_team_id and not partner.responsible_team_id:
                partner.responsible_team_id = partner.user_id.sale_team_id

    def _compute_interaction_count(self):
        counts = dict(
            self.env["crm.customer.interaction"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.interaction_count = counts.get(partner, 0)

    @api.depends("interaction_ids.state", "interaction_ids.date_start")
    def _compute_last_interaction_date(self):
        last_dates = dict(
            self.env["crm.customer.interaction"]
            .sudo()  # the date is a fact about the customer, whoever logged it
            ._read_group(
                [("partner_id", "in", self.ids), ("state", "=", "done")],
                ["partner_id"],
                ["date_start:max"],
            )
        )
        for partner in self:
            partner.last_interaction_date = last_dates.get(partner._origin, False)

    @api.constrains("classification_ids")
    def _check_single_valued_classifications(self):
        for partner in self:
            single_valued = partner.classification_ids.filtered(
                lambda value: not value.criterion_id.multi_valued
            )
            for criterion in single_valued.criterion_id:
                values = single_valued.filtered(
                    lambda v, c=criterion: v.criterion_id == c
                )
                if len(values) > 1:
                    raise ValidationError(
                        self.env._(
                            "%(partner)s can have only one value of the criterion "
                            "%(criterion)s, not %(values)s.",
                            partner=partner.display_name,
                            criterion=criterion.name,
                            values=", ".join(values.mapped("display_name")),
                        )
                    )

    @api.constrains("superior_id")
    def _check_superior_id(self):
        for contact in self.filtered("superior_id"):
            if contact.superior_id == contact or contact._has_cycle("superior_id"):
                raise ValidationError(
                    self.env._(
                        "%(contact)s cannot be their own superior, directly or through "
                        "others.",
                        contact=contact.display_name,
                    )
                )
            if (
                contact.superior_id.commercial_partner_id
                != contact.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "The superior of %(contact)s must work for the same customer.",
                        contact=contact.display_name,
                    )
                )

    @api.constrains("employee_count", "capital_amount")
    def _check_non_negative_figures(self):
        for partner in self:
            if partner.employee_count < 0 or partner.capital_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The number of employees and the registered capital of "
                        "%(partner)s cannot be negative.",
                        partner=partner.display_name,
                    )
                )

    @api.constrains("founding_date")
    def _check_founding_date(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if partner.founding_date and partner.founding_date > today:
                raise ValidationError(
                    self.env._("The founding date cannot be in the future.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        # an import creates through here too; an empty code gets the next number
        if any(vals.get("customer_code") for vals in vals_list) and (
            not self._may_set_customer_code()
        ):
            raise AccessError(
                self.env._(
                    "Only sales managers can set a customer code: leave it empty and "
                    "the customer gets the next number."
                )
            )
        partners = super().create(vals_list)
        partners._assign_customer_code()
        return partners

    def write(self, vals):
        if "customer_code" in vals and not self._may_set_customer_code():
            raise AccessError(
                self.env._("Only sales managers can change a customer code.")
            )
        result = super().write(vals)
        if {"customer_type", "parent_id", "is_company"} & vals.keys():
            self._assign_customer_code()
        return result

    def action_open_interactions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_customer.crm_customer_interaction_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    @api.model
    def _cron_schedule_birthday_reminders(self):
        """Schedule, once a year per contact, an activity for the salesperson of the
        contact (or of its company) N days before the contact's birthday, N being
        the setting of the contact's company or, for a contact shared by the
        companies, of the salesperson's company."""
        companies = self.env["res.company"].search([])  # pylint: disable=no-search-all
        for company in companies:
            today = company._crm_today()
            horizon = company.crm_birthday_reminder_days
            days = [today + timedelta(days=offset) for offset in range(horizon + 1)]
            month_days = {day.strftime("%m-%d"): day for day in days}
            if (
                "02-28" in month_days
                and "03-01" in month_days
                and "02-29" not in month_days
            ):
                # born on 29 February: celebrated on 28 February in common years
                month_days["02-29"] = month_days["02-28"]
            contacts = self.search(
                [
                    ("birthday_month_day", "in", list(month_days)),
                    ("company_id", "in", [company.id, False]),
                ]
            )
            unassigned = self.browse()
            for contact in contacts:
                birthday = month_days[contact.birthday_month_day]
                salesperson = contact.user_id or contact.commercial_partner_id.user_id
                if contact.birthday_reminder_year == birthday.year:
                    continue
                if not salesperson:
                    # nobody to remind: the administrator e-mail is, once a year
                    if contact.company_id == company:
                        unassigned |= contact
                    continue
                if not contact.company_id and salesperson.company_id != company:
                    # a shared contact: its salesperson's company sets the horizon
                    continue
                contact.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=birthday,
                    summary=self.env._("Birthday of %(name)s", name=contact.name),
                    user_id=salesperson.id,
                )
                contact.birthday_reminder_year = birthday.year
            lines = [
                f"{c.display_name}: {month_days[c.birthday_month_day]}"
                for c in unassigned
            ]
            subject = self.with_context(lang=company.partner_id.lang).env._(
                "Birthdays of contacts without salesperson"
            )
            if company._crm_notify_admin(subject, lines):
                for contact in unassigned:
                    birthday = month_days[contact.birthday_month_day]
                    contact.birthday_reminder_year = birthday.year

    def action_open_timeline(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_customer.crm_customer_timeline_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["display_name"] = self.env._(
            "Timeline of %(customer)s", customer=self.name
        )
        return action

    def _may_set_customer_code(self):
        return self.env.su or self.env.user.has_group("sales_team.group_sale_manager")

    def _assign_customer_code(self):
        """Customer files with a customer type get the next code."""
        to_number = self.filtered(
            lambda p: p.customer_type and p.is_customer_file and not p.customer_code
        )
        for partner in to_number:
            code = self.env["ir.sequence"].next_by_code("crm.customer.code")
            # sudo: numbering is automatic; the manager-only rule is for manual changes
            partner.sudo().customer_code = code
