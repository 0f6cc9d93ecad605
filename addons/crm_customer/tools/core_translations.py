"""Translations a suite module gives to other modules' records.

Odoo's Vietnamese says "Chuyên viên sales" where the suite says "Nhân viên kinh doanh"
(README.md, *Glossary*), and Odoo and OCA leave some mails the suite sends in English or
half in English: sale's quotation mail names the document with a Python literal
(``'quotation'``) its translations keep, helpdesk_mgmt has no Vietnamese or Chinese at
all. The module that shows such a label or sends such a mail translates it in
``i18n_extra/<lang>.po``, with the other module's xmlids
(``model:mail.template,body_html:sale.email_template_edi_sale``). Odoo reads that folder
with ``i18n/`` for every language, module after module in dependency order, so a
language installed later gets the suite's translation (the last one read). But a
language already installed keeps the other module's translation when the suite module is
installed, and records such as mail templates are ``noupdate``, which Odoo's loading
never overwrites: ``load_core_translations`` writes the suite's over them (from the
install hook and from migrations).
"""

from odoo.tools.misc import OrderedSet
from odoo.tools.translate import TranslationImporter


def load_core_translations(env, module):
    """Write ``module``'s ``i18n_extra`` translations over the installed languages'."""
    importer = TranslationImporter(env.cr, verbose=False)
    for lang, _name in env["res.lang"].get_installed():
        if lang == "en_US":
            continue
        for po_name in OrderedSet([lang.split("_")[0], lang]):
            importer.load_file(f"{module}/i18n_extra/{po_name}.po", lang)
    importer.save(force_overwrite=True)
