"""Make the demo database a Ho Chi Minh City forwarder. Run by scripts/ensure_db.sh
through `odoo shell` (which provides `env`), on the demo database only, never on a real
one.

DEMO_STEP=company, after base alone is installed: the main company moves to Ho Chi Minh
City with VND as its currency, so that installing Odoo's Vietnamese localisation
(l10n_vn, next) loads its chart of accounts on it: account picks the chart of the
company's country. USD, EUR and CNY get demo rates before the suite's demo data converts
any price.

DEMO_STEP=suite, after the suite is installed: working calendar and users in
Asia/Ho_Chi_Minh, Vietnamese public holidays as calendar leaves, Vietnamese first, the
freight taxes pointed at l10n_vn's 0 % and 10 % VAT, signature-to-confirm quotations.
Both steps can run again: they set values, they do not add duplicates.

The modules themselves never depend on l10n_vn: all of this is demo configuration.
"""

import datetime
import os
import sys

from dateutil.relativedelta import relativedelta
import pytz

TZ = "Asia/Ho_Chi_Minh"
# VND per unit of foreign currency (Odoo stores the inverse: units per 1 VND)
DEMO_RATES = {"USD": 25500.0, "EUR": 27800.0, "CNY": 3550.0}
RATES_FROM = "2025-01-01"
# Vietnamese public holidays (first and last day off, local dates), closed for everyone
PUBLIC_HOLIDAYS = [
    ("Tết Dương lịch 2026", "2026-01-01", "2026-01-01"),
    ("Tết Nguyên đán 2026", "2026-02-14", "2026-02-22"),
    ("Giỗ Tổ Hùng Vương 2026", "2026-04-27", "2026-04-27"),
    ("Ngày Giải phóng miền Nam và Quốc tế Lao động 2026", "2026-04-30", "2026-05-01"),
    ("Quốc khánh 2026", "2026-09-01", "2026-09-02"),
    ("Tết Dương lịch 2027", "2027-01-01", "2027-01-01"),
    ("Tết Nguyên đán 2027", "2027-02-05", "2027-02-11"),
    ("Giỗ Tổ Hùng Vương 2027", "2027-04-16", "2027-04-16"),
    ("Ngày Giải phóng miền Nam và Quốc tế Lao động 2027", "2027-04-30", "2027-05-01"),
    ("Quốc khánh 2027", "2027-09-02", "2027-09-03"),
]
# the suite's demo credit limits are written in US dollars; the company counts in dong
DEMO_CREDIT_LIMITS_USD = {
    "crm_customer.res_partner_vtbd_demo": 5000.0,
    "crm_customer.res_partner_dtsg_demo": 4000.0,
    "crm_customer.res_partner_minhphat_hp_demo": 5000.0,
}
DEMO_GROUP_CREDIT_LIMITS_USD = {"crm_customer.res_partner_minhphat_demo": 8000.0}
DEMO_COLLECTION_TARGETS_USD = {
    "crm_accounting_bridge.crm_collection_target_user_demo_this_month_demo": 3000.0,
    "crm_accounting_bridge.crm_collection_target_user_demo_last_month_demo": 2500.0,
    "crm_accounting_bridge.crm_collection_target_team_this_month_demo": 10000.0,
}
# crm_sales_pipeline's demo sales targets (revenue, gross profit), written in no
# currency: read as dollars, shown in dong
DEMO_SALES_TARGETS_USD = {
    "crm_sales_pipeline.crm_sales_target_admin_month_demo": (50000.0, 8000.0),
    "crm_sales_pipeline.crm_sales_target_demo_month_demo": (30000.0, 5000.0),
    "crm_sales_pipeline.crm_sales_target_team_quarter_demo": (200000.0, 30000.0),
}
# Nguyễn Thị Lan's own collection targets (dong), this month and last: the salesperson
# of the demo day is created by crm_sales_pipeline, which crm_accounting_bridge's demo
# cannot name
DEMO_LAN_COLLECTION_TARGETS_VND = {0: 60_000_000.0, 1: 45_000_000.0}
DEMO_LOGINS = [
    "admin",
    "lan.sales",
    "tuan.sales",
    "khoa.leader",
    "phuong.branch",
    "hung.manager",
    "mai.pricing",
    "bao.ops",
    "thu.billing",
    "nam.accounting",
    "huong.service",
    "hoa.portal",
]


def _company_identity(env):
    """The demo company's name and address, written again by the suite step: stock's
    demo data renames the main company "My Company (San Francisco)"."""
    return {
        "name": "Sài Gòn Freight Logistics",
        "street": "39 Lê Duẩn",
        "street2": "Phường Bến Nghé, Quận 1",
        "city": "Thành phố Hồ Chí Minh",
        "zip": "700000",
        "country_id": env.ref("base.vn").id,
        "state_id": False,
        "phone": "+84 28 3823 0000",
        "email": "info@saigonfreight.example.com",
        "website": "https://saigonfreight.example.com",
    }


def company_step(env):
    company = env.ref("base.main_company")
    vnd = env.ref("base.VND")
    currencies = vnd
    for code in DEMO_RATES:
        currencies |= env.ref(f"base.{code}")
    currencies.write({"active": True})
    company.write(dict(_company_identity(env), currency_id=vnd.id))
    # base's demo rates are against USD: replace them by rates against VND
    rates = env["res.currency.rate"].search([("currency_id", "in", currencies.ids)])
    rates.unlink()
    for code, vnd_per_unit in DEMO_RATES.items():
        env["res.currency.rate"].create(
            {
                "currency_id": env.ref(f"base.{code}").id,
                "name": RATES_FROM,
                "rate": 1.0 / vnd_per_unit,
                "company_id": company.id,
            }
        )


def _utc(local_date, hour_minute):
    local = datetime.datetime.combine(
        datetime.date.fromisoformat(local_date), hour_minute
    )
    return pytz.timezone(TZ).localize(local).astimezone(pytz.utc).replace(tzinfo=None)


def _lan_collection_targets(env, company):
    """Nguyễn Thị Lan's collection targets, once (running again adds none)."""
    lan = env["res.users"].search([("login", "=", "lan.sales")])
    if lan and "crm.collection.target" in env:
        Target = env["crm.collection.target"]
        today = datetime.datetime.now(pytz.timezone(TZ)).date()
        for months_ago, amount in DEMO_LAN_COLLECTION_TARGETS_VND.items():
            first = today.replace(day=1) - relativedelta(months=months_ago)
            domain = [
                ("user_id", "=", lan.id),
                ("year", "=", first.year),
                ("month", "=", str(first.month)),
            ]
            if not Target.search(domain):
                Target.create(
                    {
                        "user_id": lan.id,
                        "year": first.year,
                        "month": str(first.month),
                        "amount": amount,
                        "company_id": company.id,
                    }
                )


def _lan_settlement(env):
    """Nguyễn Thị Lan's order of last month, invoiced, paid, settled and approved by
    the sales manager (crm_sales_commission), once. In this demo step, not in the
    module's demo data: a posted invoice is never deleted, so the module could not
    uninstall."""
    lan = env.ref("crm_sales_pipeline.res_users_lan_sales_demo", False)
    manager = env.ref("crm_sales_pipeline.res_users_hung_manager_demo", False)
    if not (lan and manager and "commission.settlement" in env):
        return
    Settlement = env["commission.settlement"]
    if Settlement.search_count([("agent_id", "=", lan.partner_id.id)]):
        return
    first = datetime.datetime.now(pytz.timezone(TZ)).date().replace(day=1)
    last_month = first - relativedelta(months=1)
    ordered = datetime.datetime.combine(
        last_month + relativedelta(days=4), datetime.time(3, 0)
    )
    order = env["sale.order"].create(
        {
            "partner_id": env.ref("crm_customer.res_partner_gohn_demo").id,
            "user_id": lan.id,
            "pricelist_id": env.ref("crm_sales_pipeline.product_pricelist_usd_demo").id,
            "date_order": ordered,
            "order_line": [
                (0, 0, values)
                for values in (
                    {
                        "product_id": env.ref(
                            "crm_sales_pipeline.product_ocean_freight_40hc_demo"
                        ).id,
                        "name": "Cước biển Hải Phòng – Hamburg, 40HC",
                        "product_uom_qty": 4,
                        "price_unit": 2300,
                        "purchase_price": 1900,
                        "tax_id": [(5, 0, 0)],
                    },
                    {
                        "product_id": env.ref("crm_sales_pipeline.product_thc_demo").id,
                        "product_uom_qty": 4,
                        "price_unit": 180,
                        "purchase_price": 150,
                        "tax_id": [(5, 0, 0)],
                    },
                )
            ],
        }
    )
    order.action_confirm()
    # confirming dates the order today: it was last month's, as its target counts it
    order.date_order = ordered
    invoice = order._create_invoices()
    invoice.write(
        {
            "invoice_date": last_month + relativedelta(days=9),
            "invoice_payment_term_id": False,
            "invoice_date_due": last_month + relativedelta(days=19),
        }
    )
    invoice.action_post()
    env["account.payment.register"].with_context(
        active_model="account.move", active_ids=invoice.ids
    ).create({"payment_date": last_month + relativedelta(days=17)})._create_payments()
    as_manager = env(user=manager)
    as_manager["commission.make.settle"].create(
        {
            "date_to": first,
            "settlement_type": "sale_invoice",
            "agent_ids": [(6, 0, lan.partner_id.ids)],
        }
    ).action_settle()
    Settlement.with_env(as_manager).search(
        [("agent_id", "=", lan.partner_id.id), ("state", "=", "settled")]
    ).action_approve()
    # her target of that month shows the commission earned
    env["crm.sales.target"].create(
        {
            "period_type": "month",
            "year": last_month.year,
            "month": str(last_month.month),
            "user_id": lan.id,
            "target_revenue": 25000 * DEMO_RATES["USD"],
            "target_gross_profit": 4000 * DEMO_RATES["USD"],
            "target_new_customers": 1,
        }
    )


def suite_step(env):
    company = env.ref("base.main_company")
    if company.chart_template != "vn":
        # an older demo database (a US company on the generic chart): a chart cannot
        # be swapped under existing entries, so leave it as it is and say so
        print(
            f"WARNING: the demo company is on the chart {company.chart_template!r}, "
            "not l10n_vn's: this demo database predates the Vietnamese demo. Drop it "
            "(make clean, or dropdb) and run make run again to get it.",
            file=sys.stderr,
        )
        return
    company.write(_company_identity(env))
    # l10n_vn's demo data adds a second company: one company is enough for the demo
    vn_company = env.ref("base.demo_company_vn", raise_if_not_found=False)
    if vn_company and vn_company.active:
        users = env["res.users"].with_context(active_test=False).search([])
        for user in users.filtered(lambda user: vn_company in user.company_ids):
            if user.company_id == vn_company:
                user.company_id = company
            user.company_ids = [(3, vn_company.id)]
        vn_company.active = False
    calendar = company.resource_calendar_id
    calendar.tz = TZ
    Leave = env["resource.calendar.leaves"]
    for name, first, last in PUBLIC_HOLIDAYS:
        values = {
            "name": name,
            "calendar_id": calendar.id,
            "company_id": company.id,
            "resource_id": False,
            "time_type": "leave",
            "date_from": _utc(first, datetime.time(0, 0)),
            "date_to": _utc(last, datetime.time(23, 59, 59)),
        }
        leave = Leave.search(
            [("calendar_id", "=", calendar.id), ("name", "=", name)], limit=1
        )
        if leave:
            leave.write(values)
        else:
            Leave.create(values)

    env["res.lang"]._activate_lang("vi_VN")
    env["ir.default"].set("res.partner", "lang", "vi_VN")
    users = (
        env["res.users"]
        .with_context(active_test=False)
        .search([("login", "in", DEMO_LOGINS)])
    )
    users.write({"tz": TZ, "lang": "vi_VN"})
    company.partner_id.write({"tz": TZ, "lang": "vi_VN"})

    for xmlid, usd in DEMO_CREDIT_LIMITS_USD.items():
        partner = env.ref(xmlid, raise_if_not_found=False)
        if partner:
            partner.with_company(company).credit_limit = usd * DEMO_RATES["USD"]
    for xmlid, usd in DEMO_COLLECTION_TARGETS_USD.items():
        target = env.ref(xmlid, raise_if_not_found=False)
        if target and target.company_id == company:
            target.amount = usd * DEMO_RATES["USD"]
    for xmlid, (revenue, gross_profit) in DEMO_SALES_TARGETS_USD.items():
        target = env.ref(xmlid, raise_if_not_found=False)
        if target and target.company_id == company:
            target.write(
                {
                    "target_revenue": revenue * DEMO_RATES["USD"],
                    "target_gross_profit": gross_profit * DEMO_RATES["USD"],
                }
            )
    for xmlid, usd in DEMO_GROUP_CREDIT_LIMITS_USD.items():
        partner = env.ref(xmlid, raise_if_not_found=False)
        if partner:
            partner.with_company(company).write(
                {
                    "use_group_credit_limit": True,
                    "group_credit_limit": usd * DEMO_RATES["USD"],
                }
            )

    _lan_collection_targets(env, company)
    _lan_settlement(env)

    def tax(xmlid):
        return env.ref(f"account.{company.id}_{xmlid}")

    company.write(
        {
            # international transport and surcharges: 0 % VAT; services at home: 10 %
            "freight_international_tax_ids": [(6, 0, tax("tax_sale_vat0").ids)],
            "freight_domestic_tax_ids": [(6, 0, tax("tax_sale_vat10").ids)],
            # a customer's signature confirms a quotation: no online prepayment
            "portal_confirmation_sign": True,
            "portal_confirmation_pay": False,
        }
    )
    # the demo orders were written before the company had freight taxes (the
    # invoiced lines and the superseded revisions keep theirs)
    lines = env["sale.order.line"].search(
        [
            ("company_id", "=", company.id),
            ("product_id.freight_tax_scope", "!=", False),
            ("order_id.state", "in", ("draft", "sent", "sale")),
            ("order_id.superseded_by_id", "=", False),
            ("invoice_lines", "=", False),
        ]
    )
    lines._compute_tax_id()


STEPS = {"company": company_step, "suite": suite_step}
STEPS[os.environ["DEMO_STEP"]](env)  # noqa: F821 (odoo shell provides env)
env.cr.commit()  # noqa: F821 (odoo shell rolls back what is not committed)
