import { registry } from "@web/core/registry";

// en_US writes dates MM/DD/YYYY
function today() {
    const now = new Date();
    const pad = (number) => String(number).padStart(2, "0");
    return `${pad(now.getMonth() + 1)}/${pad(now.getDate())}/${now.getFullYear()}`;
}

registry.category("web_tour.tours").add("crm_marketing_campaign_tour", {
    url: "/odoo/action-crm_marketing.utm_campaign_action_marketing",
    steps: () => [
        {
            content: "A new campaign",
            trigger: ".o_control_panel .o-kanban-button-new, .o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=title] input, .o_field_widget[name=title] textarea",
            run: "edit Tour Busan weekly",
        },
        {
            content: "It serves the quarter's plan",
            trigger: ".o_field_widget[name=plan_id] input",
            run: "edit Tour Q1 plan",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Q1 plan')",
            run: "click",
        },
        {
            content: "It starts today",
            trigger: ".o_field_widget[name=date_start] input",
            run: () => {
                const input = document.querySelector(".o_field_widget[name=date_start] input");
                input.value = today();
                input.dispatchEvent(new Event("input", { bubbles: true }));
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Each salesperson calls her customers",
            trigger: ".o_field_widget[name=task_type_id] input",
            run: "edit Phone call",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Phone call')",
            run: "click",
        },
        {
            content: "Aim it at a class of the customer file",
            trigger: ".o_notebook a:contains('Audience')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=classification_ids] input",
            run: "edit Tour South",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour South')",
            run: "click",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The audience is counted before anything starts",
            trigger: "button[name=action_open_audience] .o_stat_value:contains('1')",
        },
        {
            content: "Start the campaign",
            trigger: "button[name=action_start]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Running')",
        },
        {
            content: "Its targets are written down, with a task for each",
            trigger: "button[name=action_view_targets] .o_stat_value:contains('1')",
        },
        {
            content: "none done yet",
            trigger: "button[name=action_view_tasks] .o_stat_value:contains('0')",
        },
    ],
});

registry.category("web_tour.tours").add("crm_marketing_task_tour", {
    url: "/odoo/action-crm_customer.crm_customer_interaction_action",
    steps: () => [
        {
            content: "The campaign's call is in the salesperson's log",
            trigger: ".o_data_row:contains('Tour Busan weekly') td.o_data_cell",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=campaign_id] input:value(Tour Busan weekly)",
        },
        {
            content: "She calls and writes down what came of it",
            trigger: ".o_notebook a:contains('Result')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=result] textarea",
            run: "edit Wants 2 x 40HC a week to Busan",
        },
        {
            trigger: "button[name=action_done]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
        {
            content: "An opportunity that carries the campaign",
            trigger: "button[name=action_new_opportunity]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=expected_revenue] input",
            run: "edit 50000000",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
