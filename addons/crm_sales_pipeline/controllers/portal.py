from odoo import http
from odoo.exceptions import AccessError, MissingError

from odoo.addons.sale.controllers.portal import CustomerPortal


class SalePipelinePortal(CustomerPortal):
    @http.route()
    def portal_quote_accept(
        self, order_id, access_token=None, name=None, signature=None
    ):
        """An old revision is refused with the revision that replaced it, not
        with Odoo's message about a state needing no signature."""
        try:
            order_sudo = self._document_check_access(
                "sale.order", order_id, access_token=access_token
            )
        except (AccessError, MissingError):
            order_sudo = None
        if order_sudo and order_sudo.superseded_by_id:
            return {"error": order_sudo._superseded_message()}
        return super().portal_quote_accept(
            order_id, access_token=access_token, name=name, signature=signature
        )
