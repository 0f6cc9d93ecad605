import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("crm_customer_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Customers app",
            trigger: ".o_app[data-menu-xmlid='crm_customer.crm_customer_menu_root']",
            run: "click",
        },
        {
            content: "Create a customer",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_field_widget[name=name] :is(textarea, input)",
            run: "edit Công ty Tour Biển Xanh",
        },
        {
            content: "Classify it in a district",
            trigger: ".o_field_widget[name=classification_ids] input",
            run: "edit Tour District",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour District')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=classification_ids] .o_tag:contains('Tour District')",
        },
        {
            content: "Save the customer",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Open its interactions",
            trigger: "button[name=action_open_interactions]",
            run: "click",
        },
        {
            content: "Log an interaction",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Gọi điện giới thiệu dịch vụ",
        },
        {
            trigger: ".o_field_widget[name=type_id] input",
            run: "edit Phone",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Phone call')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=partner_id] input:value('Công ty Tour Biển Xanh')",
        },
        {
            content: "Save the interaction",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Back to the customers",
            trigger: ".o_menu_sections [data-menu-xmlid='crm_customer.res_partner_menu_customer']",
            run: "click",
        },
        {
            content: "Search the parent region",
            trigger: ".o_searchview_input",
            run: "edit Tour South",
        },
        {
            trigger: ".o_searchview_autocomplete .o_menu_item:contains('Classification')",
            run: "click",
        },
        {
            content: "The customer classified in a district of that region is found",
            trigger: ".o_data_row:contains('Công ty Tour Biển Xanh')",
        },
    ],
});
