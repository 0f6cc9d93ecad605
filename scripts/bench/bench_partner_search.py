"""Partner name search without diacritics among 100,000 partners: timing and
EXPLAIN of the folded, trigram-indexed search, then rolled back.

Run on the demo database: make shell < scripts/bench/bench_partner_search.py
"""

import random
import time

from psycopg2.extras import execute_values

from odoo.tools import SQL

from odoo.addons.crm_customer.tools import fold_search_text

SYLLABLES = (
    "Biển Xanh Đông Nam Á Vận Tải Giao Nhận Hàng Hải Thương Mại Sài Gòn "
    "Hà Nội Phú Quốc Tân Cảng Logistics Đại Lợi Hưng Thịnh Phát Đạt Minh"
)
WORDS = SYLLABLES.split()


def bench(env):
    rng = random.Random(14)
    names = [
        " ".join(rng.choice(WORDS) for _word in range(4)) + f" {index}"
        for index in range(100_000)
    ]
    started = time.time()
    folded = [fold_search_text(name) for name in names]
    print(f"folded 100,000 names in Python in {time.time() - started:.2f}s")
    started = time.time()
    execute_values(
        env.cr._obj,
        "INSERT INTO res_partner (name, complete_name, name_folded, active, type,"
        " is_company, autopost_bills) VALUES %s",
        [
            (name, name, fold, True, "contact", True, "ask")
            for name, fold in zip(names, folded, strict=True)
        ],
        page_size=5000,
    )
    env.cr.execute("ANALYZE res_partner")
    print(f"inserted in {time.time() - started:.1f}s")
    started = time.time()
    env["res.partner"].create([{"name": name} for name in names[:2000]])
    env.flush_all()
    print(f"2,000 partners created through the ORM in {time.time() - started:.1f}s")

    Partner = env["res.partner"]
    text = " ".join(folded[4242].split()[:3])
    domain = Partner._search_display_name("ilike", text)
    query = Partner._search(domain, limit=8)
    env.cr.execute(SQL("EXPLAIN ANALYZE %s", query.select()))
    print("\n".join(row[0] for row in env.cr.fetchall()))
    for label, search_domain in (
        ("name_folded ilike (the index alone)", [("name_folded", "ilike", text)]),
        (
            "complete_name ilike (Odoo without unaccent)",
            [("complete_name", "ilike", text)],
        ),
        ("whole name search domain", domain),
    ):
        env.invalidate_all()
        started = time.time()
        count = Partner.search_count(search_domain)
        print(f"{label}: {(time.time() - started) * 1000:.1f} ms, {count} found")
    for typed in (text, names[4242].rsplit(" ", 1)[0]):
        env.invalidate_all()
        started = time.time()
        found = Partner.name_search(typed, limit=8)
        print(
            f"name_search({typed!r}) {(time.time() - started) * 1000:.1f} ms, "
            f"{len(found)} shown"
        )
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
