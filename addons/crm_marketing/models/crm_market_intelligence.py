from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression
from odoo.tools import SQL, html2plaintext

from odoo.addons.crm_customer.tools import fold_search_text, fold_search_value


class CrmMarketIntelligence(models.Model):
    """A piece of market information (市场情报): what a carrier, a competitor or the
    press says about a region or an industry, kept by marketing and shared with
    sales once a manager has checked it."""

    _name = "crm.market.intelligence"
    _description = "Market Intelligence"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, index="trigram", tracking=True)
    date = fields.Date(
        required=True,
        default=lambda self: self.env.company._crm_today(),
        index=True,
        tracking=True,
    )
    source = fields.Selection(
        [
            ("customer", "Customer"),
            ("competitor", "Competitor"),
            ("agent", "Partner / Agent"),
            ("carrier", "Carrier"),
            ("press", "Press"),
            ("exhibition", "Exhibition"),
            ("internal", "Internal"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        tracking=True,
    )
    source_detail = fields.Char(
        help="Who or what exactly: the carrier's notice, the newspaper, the fair."
    )
    classification_ids = fields.Many2many(
        "crm.customer.classification",
        "crm_market_intelligence_classification_rel",
        "intelligence_id",
        "classification_id",
        string="Regions and Industries",
        help="The classification values the information concerns. Customers "
        "classified under them (a sub-value included) see it on their timeline.",
    )
    competitor_id = fields.Many2one(
        "res.partner",
        domain="[('customer_type', '=', 'competitor')]",
        index="btree_not_null",
        check_company=True,
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "crm_market_intelligence_partner_rel",
        "intelligence_id",
        "partner_id",
        string="Customers Concerned",
        domain="[('is_customer_file', '=', True)]",
        check_company=True,
    )
    summary = fields.Html()
    user_id = fields.Many2one(
        "res.users",
        string="Author",
        default=lambda self: self.env.user,
        required=True,
        index=True,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("shared", "Shared with Sales")],
        string="Status",
        default="draft",
        required=True,
        copy=False,
        tracking=True,
    )
    active = fields.Boolean(default=True)
    # title and summary folded as they are typed without diacritics ("phu phi")
    search_text = fields.Char(
        string="Title and Summary Without Diacritics",
        compute="_compute_search_text",
        store=True,
        index="trigram",
        readonly=True,
    )

    @api.depends("name", "summary")
    def _compute_search_text(self):
        for record in self:
            record.search_text = fold_search_text(
                record.name, html2plaintext(record.summary or "")
            )

    @api.model
    def _search_display_name(self, operator, value):
        """Also match the title and summary without their diacritics: "phu phi
        cat lai" finds "Phụ phí GRI tuyến Cát Lái"."""
        domain = super()._search_display_name(operator, value)
        folded = fold_search_value(operator, value)
        if not folded:
            return domain
        return expression.OR([domain, [("search_text", operator, folded)]])

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("state", "draft") != "draft" for vals in vals_list):
            self._refuse_state_write()
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals and not self.env.context.get("crm_marketing_state_action"):
            self._refuse_state_write()
        return super().write(vals)

    def _refuse_state_write(self):
        raise UserError(
            self.env._(
                "Market information is shared with sales, or taken back, only through "
                "its buttons (Share with Sales, Back to Draft)."
            )
        )

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_share(self):
        self._check_manager()
        if self.filtered(lambda record: record.state != "draft"):
            raise UserError(self.env._("Only draft market information can be shared."))
        self._set_state("shared")
        return True

    def action_draft(self):
        self._check_manager()
        self._set_state("draft")
        return True

    def _check_manager(self):
        if not self.env.user.has_group("crm_marketing.group_marketing_manager"):
            raise AccessError(
                self.env._(
                    "Only marketing managers may share market information with sales "
                    "or take it back."
                )
            )

    def _set_state(self, state):
        """The only way the state changes: through the actions that check it."""
        self.with_context(crm_marketing_state_action=True).write({"state": state})

    # ------------------------------------------------------------
    # Customers concerned
    # ------------------------------------------------------------

    @api.model
    def _concerned_partner_query(self):
        """(intelligence_id, partner_id) pairs, each once: the customers named on
        the record, and those classified under one of its classification values or
        a sub-value (a record on Miền Nam concerns a customer of TP. Hồ Chí Minh).
        The one definition of "concerns", for the customer's button and timeline."""
        return SQL(
            """
            SELECT rel.intelligence_id, rel.partner_id
              FROM crm_market_intelligence_partner_rel rel
             UNION
            SELECT mic.intelligence_id, pc.partner_id
              FROM crm_market_intelligence_classification_rel mic
              JOIN crm_customer_classification value
                ON value.id = mic.classification_id
              JOIN crm_customer_classification descendant
                ON descendant.parent_path LIKE value.parent_path || %s
              JOIN res_partner_crm_customer_classification_rel pc
                ON pc.classification_id = descendant.id
            """,
            "%",
        )

    @api.model
    def _concerning(self, partners):
        """{partner id: ids of the market information concerning it that the user
        may read}, for the partners given: one query whatever their number."""
        if not partners:
            return {}
        self.flush_model()
        self.env["res.partner"].flush_model(["classification_ids"])
        self.env["crm.customer.classification"].flush_model(["parent_path"])
        visible = self._search([])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT pair.partner_id, array_agg(pair.intelligence_id)
                  FROM (%(pairs)s) pair
                 WHERE pair.partner_id IN %(partners)s
                   AND pair.intelligence_id IN (%(visible)s)
                 GROUP BY pair.partner_id
                """,
                pairs=self._concerned_partner_query(),
                partners=tuple(partners.ids),
                visible=visible.subselect(),
            )
        )
        return dict(rows)
