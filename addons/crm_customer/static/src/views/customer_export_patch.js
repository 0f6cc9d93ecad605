import { user } from "@web/core/user";
import { patch } from "@web/core/utils/patch";
import { ListController } from "@web/views/list/list_controller";
import { exportAllItem } from "@web/views/list/export_all/export_all";
import { onWillStart } from "@odoo/owl";

// Exporting customer lists is a special permission (crm_customer.group_customer_export):
// the server refuses the export without it (crm.customer.rights.mixin); the lists of
// customers and contacts don't offer it either.
const EXPORT_GROUP = "crm_customer.group_customer_export";

patch(ListController.prototype, {
    setup() {
        super.setup(...arguments);
        this.crmCustomerExportAllowed = true;
        if (this.props.resModel === "res.partner") {
            onWillStart(async () => {
                this.crmCustomerExportAllowed = await user.hasGroup(EXPORT_GROUP);
            });
        }
    },

    getStaticActionMenuItems() {
        const items = super.getStaticActionMenuItems(...arguments);
        const isAvailable = items.export.isAvailable;
        items.export.isAvailable = () => isAvailable() && this.crmCustomerExportAllowed;
        return items;
    },
});

patch(exportAllItem, {
    async isDisplayed(env) {
        if (!(await super.isDisplayed(env))) {
            return false;
        }
        return env.searchModel.resModel !== "res.partner" || user.hasGroup(EXPORT_GROUP);
    },
});
