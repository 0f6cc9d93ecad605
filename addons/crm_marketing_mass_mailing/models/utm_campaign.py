from odoo import api, fields, models
from odoo.exceptions import UserError

MAILING_READERS = "mass_mailing.group_mass_mailing_user"
# a trace in these states went out (Odoo's own "sent" figure counts the same ones)
SENT_STATES = ("pending", "sent", "open", "reply")
OPENED_STATES = ("open", "reply")


class UtmCampaign(models.Model):
    """Campaign e-mails through Odoo's mass mailing: one mailing per language of the
    campaign's targets, aimed at the frozen targets whose e-mail did not opt out."""

    _inherit = "utm.campaign"

    mail_sent_count = fields.Integer(
        string="E-mails Sent", compute="_compute_mail_reach", groups=MAILING_READERS
    )
    mail_opened_count = fields.Integer(
        string="E-mails Opened", compute="_compute_mail_reach", groups=MAILING_READERS
    )
    mail_clicked_count = fields.Integer(
        string="E-mails Clicked", compute="_compute_mail_reach", groups=MAILING_READERS
    )

    @api.depends("mailing_mail_ids")
    def _compute_mail_reach(self):
        """Two grouped reads on the traces, whatever the number of campaigns."""
        Trace = self.env["mailing.trace"]
        domain = [("campaign_id", "in", self._origin.ids)]
        by_status = Trace._read_group(
            domain, ["campaign_id", "trace_status"], ["__count"]
        )
        clicked = dict(
            Trace._read_group(
                [*domain, ("links_click_datetime", "!=", False)],
                ["campaign_id"],
                ["__count"],
            )
        )
        sent, opened = {}, {}
        for campaign, status, count in by_status:
            if status in SENT_STATES:
                sent[campaign] = sent.get(campaign, 0) + count
            if status in OPENED_STATES:
                opened[campaign] = opened.get(campaign, 0) + count
        for campaign in self:
            origin = campaign._origin
            campaign.mail_sent_count = sent.get(origin, 0)
            campaign.mail_opened_count = opened.get(origin, 0)
            campaign.mail_clicked_count = clicked.get(origin, 0)

    def _get_mailing_reachable_domain(self):
        """The campaign's frozen targets whose e-mail did not opt out and who have an
        address (Odoo's mass mailing adds its own blacklist condition at sending)."""
        self.ensure_one()
        return [
            (
                "marketing_target_ids",
                "any",
                [("campaign_id", "=", self.id), ("email_opt_out", "=", False)],
            ),
            ("email", "!=", False),
        ]

    def _get_mailing_target_domain(self, lang):
        """The partners the campaign's mailing in ``lang`` goes to, kept in the
        mailing as its domain: the marketer sees (and may narrow) who gets it."""
        return [*self._get_mailing_reachable_domain(), ("lang", "=", lang)]

    def action_create_mailings(self):
        """Draft one mailing per language of the reachable targets, to be written in
        that language (a language that has its mailing already is skipped: run again,
        it makes only the missing ones), then open the campaign's mailings."""
        self.ensure_one()
        if self.state != "running":
            raise UserError(
                self.env._(
                    "Start the campaign %(name)s before e-mailing its targets: they "
                    "are known once it runs.",
                    name=self.title,
                )
            )
        reachable = [
            *self._get_mailing_reachable_domain(),
            ("is_blacklisted", "=", False),
        ]
        groups = self.env["res.partner"]._read_group(reachable, ["lang"])
        langs = [lang for (lang,) in groups if lang]
        if not langs:
            raise UserError(
                self.env._(
                    "No target of %(name)s can get an e-mail: they have no e-mail "
                    "address or opted out. Reach them by calls and visits.",
                    name=self.title,
                )
            )
        done = set(self.mailing_mail_ids.mapped("crm_marketing_lang"))
        partner_model = self.env["ir.model"]._get_id("res.partner")
        self.env["mailing.mailing"].create(
            [
                {
                    "subject": self.title,
                    "campaign_id": self.id,
                    "mailing_model_id": partner_model,
                    "mailing_domain": repr(self._get_mailing_target_domain(lang)),
                    "crm_marketing_lang": lang,
                }
                for lang in langs
                if lang not in done
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mass_mailing.mailing_mailing_action_mail"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action
