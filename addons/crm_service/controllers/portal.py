from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class CrmServicePortal(CustomerPortal):
    """Public solution articles in the customer portal. Record rules decide what
    a portal user reads: no sudo here."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "article_count" in counters:
            Article = request.env["crm.service.article"]
            values["article_count"] = (
                Article.search_count([]) if Article.has_access("read") else 0
            )
        return values

    @http.route("/my/articles", type="http", auth="user", website=True)
    def portal_my_articles(self, search=None, **kw):
        Article = request.env["crm.service.article"]
        if not Article.has_access("read"):
            return request.redirect("/my")
        domain = []
        if search:
            domain = [
                "|",
                "|",
                ("name", "ilike", search),
                ("problem", "ilike", search),
                ("solution", "ilike", search),
            ]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "articles": Article.search(domain, order="name"),
                "page_name": "article",
                "search": search,
            }
        )
        return request.render("crm_service.portal_my_articles", values)

    @http.route("/my/articles/<int:article_id>", type="http", auth="user", website=True)
    def portal_my_article(self, article_id, **kw):
        Article = request.env["crm.service.article"]
        if not Article.has_access("read"):
            return request.redirect("/my")
        # search, not browse: a record the rules hide is simply not found
        article = Article.search([("id", "=", article_id)])
        if not article:
            return request.not_found()
        values = self._prepare_portal_layout_values()
        values.update({"article": article, "page_name": "article"})
        return request.render("crm_service.portal_my_article", values)
