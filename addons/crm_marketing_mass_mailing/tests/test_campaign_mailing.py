from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused
from odoo.addons.crm_marketing.tests.common import CrmMarketingCommon


@tagged("post_install", "-at_install")
class TestCampaignMailing(CrmMarketingCommon):
    """A running campaign e-mails its targets through Odoo's mass mailing: one
    mailing per language, never to an opted-out or absent address, and counts what
    the e-mails reached."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("vi_VN", "zh_CN"):
            cls.env["res.lang"]._activate_lang(code)
        Partner = cls.env["res.partner"]

        def customer(name, lang, email):
            return Partner.create(
                {"name": name, "is_company": True, "lang": lang, "email": email}
            )

        cls.vi_customers = customer(
            "Minh Long Trading", "vi_VN", "xnk@minhlong.vn"
        ) | customer("Hòa Bình Foods", "vi_VN", "sales@hoabinh.vn")
        cls.zh_customer = customer("深圳华美贸易", "zh_CN", "trade@huamei.cn")
        cls.opted_out = customer("Sao Mai Steel", "vi_VN", "no-mail@saomai.vn")
        cls.env["mail.blacklist"]._add("no-mail@saomai.vn")
        cls.no_email = customer("Phú Quý Logistics", "vi_VN", False)
        cls.outsider = customer("Not Targeted Co", "vi_VN", "info@outsider.vn")
        cls.targeted = cls.vi_customers | cls.zh_customer | cls.opted_out | cls.no_email
        cls.other_campaign = cls._campaign(
            title="Other campaign", included_partner_ids=[Command.set(cls.outsider.ids)]
        )
        cls.other_campaign.action_start()

    def _running(self):
        campaign = as_request(self.marketing_user, self.env["utm.campaign"]).create(
            {
                "title": "Tuyến mới Cát Lái → Busan",
                "date_start": "2027-01-20",
                "included_partner_ids": [Command.set(self.targeted.ids)],
            }
        )
        campaign.action_start()
        return campaign

    def test_one_mailing_per_language_to_the_reachable_targets(self):
        campaign = self._running()
        action = campaign.action_create_mailings()
        mailings = campaign.mailing_mail_ids
        self.assertEqual(
            as_request(self.marketing_user, self.env[action["res_model"]]).search(
                action["domain"]
            ),
            mailings,
        )
        by_lang = {mailing.crm_marketing_lang: mailing for mailing in mailings}
        self.assertEqual(set(by_lang), {"vi_VN", "zh_CN"})
        Partner = self.env["res.partner"]
        self.assertEqual(
            Partner.browse(by_lang["vi_VN"]._get_recipients()), self.vi_customers
        )
        self.assertEqual(
            Partner.browse(by_lang["zh_CN"]._get_recipients()), self.zh_customer
        )
        self.assertEqual(set(mailings.mapped("subject")), {campaign.title})
        # run again: nothing new, the languages have their mailing
        campaign.action_create_mailings()
        self.assertEqual(campaign.mailing_mail_ids, mailings)

    def test_sending_counts_what_the_campaign_reached(self):
        campaign = self._running()
        campaign.action_create_mailings()
        mailing = campaign.mailing_mail_ids.filtered(
            lambda m: m.crm_marketing_lang == "vi_VN"
        )
        mailing.body_html = "<p>Tuyến hàng tuần Cát Lái → Busan, giá Tết</p>"
        mailing.action_send_mail()
        traces = self.env["mailing.trace"].search(
            [("mass_mailing_id", "=", mailing.id)]
        )
        self.assertEqual(
            self.env["res.partner"].browse(traces.mapped("res_id")), self.vi_customers
        )
        self.assertEqual(
            set(traces.mapped("email")),
            {"xnk@minhlong.vn", "sales@hoabinh.vn"},
        )
        # queued, not yet out: the campaign counts nothing sent
        campaign.invalidate_recordset()
        self.assertEqual(campaign.mail_sent_count, 0)
        # what the mail queue and the tracking pixel record when the e-mails go out
        # (no SMTP server on a test machine)
        traces.set_sent()
        traces[:1].set_opened()
        traces[:1].set_clicked()
        campaign.invalidate_recordset()
        self.assertEqual(campaign.mail_sent_count, 2)
        self.assertEqual(campaign.mail_opened_count, 1)
        self.assertEqual(campaign.mail_clicked_count, 1)
        # a salesperson opens the campaign, not its mailing figures
        with assert_refused(self, AccessError, "mail_sent_count"):
            as_request(self.salesman, campaign).read(["mail_sent_count"])

    def test_draft_campaign_or_unreachable_targets_are_refused(self):
        Campaign = as_request(self.marketing_user, self.env["utm.campaign"])
        draft = Campaign.create(
            {
                "title": "Not started",
                "date_start": "2027-01-20",
                "included_partner_ids": [Command.set(self.vi_customers.ids)],
            }
        )
        with assert_refused(self, UserError, "Start the campaign Not started"):
            draft.action_create_mailings()
        unreachable = Campaign.create(
            {
                "title": "Calls only",
                "date_start": "2027-01-20",
                "included_partner_ids": [
                    Command.set((self.opted_out | self.no_email).ids)
                ],
            }
        )
        unreachable.action_start()
        with assert_refused(self, UserError, "No target of Calls only can get"):
            unreachable.action_create_mailings()
        self.assertFalse((draft | unreachable).mailing_mail_ids)
