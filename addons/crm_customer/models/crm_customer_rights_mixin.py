from odoo import api, models
from odoo.exceptions import AccessError

EXPORT_GROUP = "crm_customer.group_customer_export"
DELETE_GROUP = "crm_customer.group_customer_delete"
REASSIGN_GROUP = "crm_customer.group_customer_reassign"


class CrmCustomerRightsMixin(models.AbstractModel):
    """The special permissions on the customer file: exporting customer lists,
    deleting customers and changing their salesperson, each a group of its own
    (``security/crm_customer_groups.xml``) that sales managers have and an
    administrator can give to anyone on top of a data level.

    Inherited by ``res.partner`` only; a mixin to keep these checks in one place
    apart from the partner's fields.
    """

    _name = "crm.customer.rights.mixin"
    _description = "Special Permissions on Customers"

    def _crm_customers(self):
        """The partners of ``self`` that belong to a customer file: their
        commercial entity has a customer code or type, or is an invoiced customer."""
        return self.filtered(
            lambda partner: any(
                entity.customer_code
                or entity.customer_type
                or entity._fields.get("customer_rank")
                and entity.customer_rank > 0
                for entity in partner | partner.commercial_partner_id
            )
        )

    def _crm_check_special_right(self, group, message):
        if self.env.su or self.env.user.has_group(group):
            return
        raise AccessError(message)

    def export_data(self, fields_to_export):
        if self._crm_customers():
            self._crm_check_special_right(
                EXPORT_GROUP,
                self.env._(
                    "Exporting customer lists is a special permission "
                    "(Export Customer Lists): ask your administrator."
                ),
            )
        return super().export_data(fields_to_export)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_customers(self):
        if self._crm_customers():
            self._crm_check_special_right(
                DELETE_GROUP,
                self.env._(
                    "Deleting customers is a special permission (Delete Customers): "
                    "archive the customer instead, or ask your administrator."
                ),
            )

    def write(self, vals):
        if "user_id" in vals:
            self._crm_check_reassign(vals["user_id"])
        return super().write(vals)

    def _crm_check_reassign(self, user_id):
        """Changing the salesperson of a customer needs Reassign Customers; anyone
        may take a customer nobody follows for themselves."""
        new_user = self.env["res.users"].browse(user_id or ())
        changed = self._crm_customers().filtered(
            lambda partner: (
                partner.user_id != new_user
                and (partner.user_id or new_user != self.env.user)
            )
        )
        if changed:
            self._crm_check_special_right(
                REASSIGN_GROUP,
                self.env._(
                    "Changing the salesperson of %(customer)s is a special permission "
                    "(Reassign Customers): ask your sales manager.",
                    customer=changed[:1].display_name,
                ),
            )
