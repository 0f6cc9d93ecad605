"""Translations of the suite's modules (vi, zh_CN).

i18n.py update MODULE
    export MODULE's .pot from the demo database (`make run` first), merge it into vi.po
    and zh_CN.po, keeping their translations; terms Odoo itself translates (the mail
    mixins' fields...) come from Odoo's own .po files
i18n.py check
    every module with an i18n/ folder translates every term of its .pot in vi.po and
    zh_CN.po, in the words of the glossary (README.md, *Glossary*); `make lint` runs
    this
"""

from pathlib import Path
import re
import subprocess
import sys

import polib

ROOT_DIR = Path(__file__).resolve().parent.parent
LANGS = ("vi", "zh_CN")
ODOO_MODULES_WITH_SHARED_TERMS = (
    "mail",
    "base",
    "sales_team",
    "product",
    "account",
    "sale",
)


# The glossary (README.md): an English word in a term asks for its translation, and some
# words are never used (Odoo's own, which `update` copies for shared terms, included).
GLOSSARY_REQUIRED = {
    "vi": (
        (r"\binteractions?\b", "giao dịch"),
        (r"\bsales(person|people|man)\b", "nhân viên"),
        (r"\bbuy (rate|price)s?\b", "giá mua"),
        (r"\bpricelists?\b", "bảng giá"),
        (r"\bdebts?\b", "công nợ"),
        (r"\bquotations?\b", "báo giá"),
        (r"\bcustomers?\b", "khách hàng"),
        (r"\bopportunit(y|ies)\b", "cơ hội"),
    ),
    "zh_CN": (
        (r"\bsell prices?\b", "售价"),
        (r"\bbuy (rate|price)s?\b", "采购"),
        (r"\bcosts?\b", "成本"),
        (r"\bcustomers?\b", "客户"),
        (r"\bopportunit(y|ies)\b", "商机"),
        (r"\bsales(person|people)\b", "销售员"),
        (r"\bquotations?\b", "报价"),
    ),
}
GLOSSARY_FORBIDDEN = {
    "vi": (
        (
            r"chuyên viên sales|nhân viên bán hàng|người bán hàng",
            "nhân viên kinh doanh",
        ),
        (r"tương tác", "giao dịch (interactions)"),
        # a service case is a "tình huống" (the documents' word), not a request
        (r"yêu cầu hỗ trợ", "tình huống (a case)"),
        # a carrier's rate is a "bảng giá mua": "bảng giá" alone is Odoo's pricelist
        (
            r"bảng giá(?! mua)",
            "bảng giá mua (buy rates), unless the term is a pricelist",
        ),
    ),
    "zh_CN": (
        (r"销售价", "售价"),
        (r"销售人员", "销售员"),
    ),
}


def glossary_problems(module, lang, entries, required=True):
    problems = []
    for entry in entries:
        msgid = re.sub(r"%\(\w+\)s", "", entry.msgid)
        msgstr = entry.msgstr.lower()
        if not msgstr or msgid.endswith(".xlsx"):
            continue
        for word, translation in GLOSSARY_FORBIDDEN[lang]:
            pricelist = re.search(r"pricelist", msgid, re.IGNORECASE)
            if re.search(word, msgstr) and not (
                word.startswith("bảng giá") and pricelist
            ):
                problems.append(f"{module} {lang}: {entry.msgid!r}: say {translation}")
        for word, translation in GLOSSARY_REQUIRED[lang] if required else ():
            if re.search(word, msgid, re.IGNORECASE) and translation not in msgstr:
                problems.append(f"{module} {lang}: {entry.msgid!r}: say {translation}")
    return problems


def normalized(text):
    return re.sub(r"\s+", " ", text).strip()


def odoo_terms(odoo_src, lang):
    terms = {}
    for module in ODOO_MODULES_WITH_SHARED_TERMS:
        for base in (odoo_src / "addons", odoo_src / "odoo" / "addons"):
            path = base / module / "i18n" / f"{lang}.po"
            if path.exists():
                for entry in polib.pofile(str(path)):
                    if entry.msgstr:
                        terms.setdefault(normalized(entry.msgid), entry.msgstr)
    return terms


def update(module):
    run_dir = ROOT_DIR / ".run"
    i18n_dir = ROOT_DIR / "addons" / module / "i18n"
    i18n_dir.mkdir(exist_ok=True)
    pot_path = i18n_dir / f"{module}.pot"
    subprocess.run(
        [
            str(Path(sys.executable).with_name("odoo")),
            "-c",
            str(run_dir / "odoo.dev.conf"),
            "-d",
            "crm_suite_demo",
            f"--i18n-export={pot_path}",
            f"--modules={module}",
            f"--logfile={run_dir / 'i18n-export.log'}",
        ],
        check=True,
    )
    odoo_src = Path((run_dir / "odoo_src").read_text(encoding="utf-8").strip())
    pot = polib.pofile(str(pot_path))
    for lang in LANGS:
        po_path = i18n_dir / f"{lang}.po"
        known = {}
        if po_path.exists():
            known = {normalized(e.msgid): e.msgstr for e in polib.pofile(str(po_path))}
        shared = odoo_terms(odoo_src, lang)
        po = polib.POFile()
        po.metadata = {
            **pot.metadata,
            "Language": lang,
            "Plural-Forms": "nplurals=1; plural=0;",
        }
        po.header = pot.header
        for entry in pot:
            key = normalized(entry.msgid)
            entry.msgstr = known.get(key) or shared.get(key, "")
            po.append(entry)
        po.save(str(po_path))
    return check([module])


PO_FILES = [f"{lang}.po" for lang in LANGS]


def malformed_occurrences(path):
    """Odoo reads `#: code:<file>:<line>`; an occurrence without its line number stops
    the loading of the whole language file (ValueError in odoo.tools.translate)."""
    if not path.exists():
        return []
    return [
        f"{path.relative_to(ROOT_DIR)}:{number}: code occurrence without a line number"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if line.startswith("#: code:") and not re.search(r":\d+$", line)
    ]


def check(modules=None):
    missing = []
    off_glossary = []
    for i18n_dir in sorted((ROOT_DIR / "addons").glob("*/i18n")):
        module = i18n_dir.parent.name
        if modules and module not in modules:
            continue
        pot = polib.pofile(str(i18n_dir / f"{module}.pot"))
        for lang in LANGS:
            po_path = i18n_dir / f"{lang}.po"
            translated = {}
            if po_path.exists():
                translated = {
                    normalized(e.msgid): e.msgstr for e in polib.pofile(str(po_path))
                }
            for entry in pot:
                if not translated.get(normalized(entry.msgid)):
                    missing.append(f"{module} {lang}: {entry.msgid!r}")
            if po_path.exists():
                off_glossary += glossary_problems(
                    module, lang, polib.pofile(str(po_path))
                )
            # other modules' terms the module translates: only the words never used
            extra_path = i18n_dir.parent / "i18n_extra" / f"{lang}.po"
            if extra_path.exists():
                off_glossary += glossary_problems(
                    module, lang, polib.pofile(str(extra_path)), required=False
                )
        for path in (i18n_dir / f"{module}.pot", *map(i18n_dir.joinpath, PO_FILES)):
            missing.extend(malformed_occurrences(path))
    if missing:
        print("Untranslated terms:\n  " + "\n  ".join(missing))
    if off_glossary:
        print("Terms off the glossary (README.md):\n  " + "\n  ".join(off_glossary))
    return 1 if missing or off_glossary else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["update"] and len(sys.argv) == 3:
        sys.exit(update(sys.argv[2]))
    if sys.argv[1:] == ["check"]:
        sys.exit(check())
    sys.exit(__doc__)
