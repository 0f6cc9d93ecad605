import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_service_case_tour", {
    url: "/odoo/helpdesk-tickets",
    steps: () => [
        {
            content: "Create a case",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Tour reefer alarm",
        },
        {
            content: "The customer's contact",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tour Contact",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Contact')",
            run: "click",
        },
        {
            content: "A repair: the category decides the team",
            trigger: ".o_field_widget[name=category_id] input",
            run: "edit Tour Repair",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Repair')",
            run: "click",
        },
        {
            content: "The category's team is proposed",
            trigger: ".o_field_widget[name=team_id] input:value(Tour Repairs)",
        },
        {
            trigger: ".o_field_widget[name=description] .odoo-editor-editable",
            run: "editor The reefer alarm rings at every start",
        },
        {
            content: "Save the case",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "It went to the repair team's agent",
            trigger: ".o_field_widget[name=user_id] input:value(Tour Agent)",
        },
        {
            content: "Look for an answer in the knowledge base",
            trigger: "button[name=action_find_articles]",
            run: "click",
        },
        {
            content: "Use the article found for the category",
            trigger:
                ".o_data_row:contains('Tour reefer article') button[name=action_link_to_ticket]",
            run: "click",
        },
        {
            content: "Back on the case, the article is linked",
            trigger: ".o_notebook a:contains('Answer')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=article_ids] .o_data_row:contains('Tour reefer article')",
        },
        {
            content: "Solve the case",
            trigger: ".o_statusbar_status button:contains('Done')",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
