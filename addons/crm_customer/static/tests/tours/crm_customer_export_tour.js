import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

function openCustomersAndTheirActions() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Customers app",
            trigger: ".o_app[data-menu-xmlid='crm_customer.crm_customer_menu_root']",
            run: "click",
        },
        {
            content: "Select a customer",
            trigger: ".o_data_row:contains('Công ty Xuất Khẩu Tour') .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Open the actions",
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .o-dropdown-item:contains('Archive')",
        },
    ];
}

registry.category("web_tour.tours").add("crm_customer_no_export_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomersAndTheirActions(),
        {
            content: "Export customer lists is not offered",
            trigger: ".o-dropdown--menu:not(:has(.o-dropdown-item:contains('Export')))",
        },
    ],
});

registry.category("web_tour.tours").add("crm_customer_export_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomersAndTheirActions(),
        {
            content: "Export customer lists is offered",
            trigger: ".o-dropdown--menu .o-dropdown-item:contains('Export')",
        },
    ],
});
