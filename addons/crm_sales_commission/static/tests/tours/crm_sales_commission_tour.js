import { browser } from "@web/core/browser/browser";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_sales_commission_tour", {
    url: "/odoo/action-crm_sales_commission.commission_plan_action",
    steps: () => [
        {
            content: "Open Lan's plan",
            trigger: ".o_data_row:contains('Lan Tour Plan') td[name=name]",
            run: "click",
        },
        {
            content: "The plan's form",
            trigger: ".o_breadcrumb:contains('Lan Tour Plan')",
        },
        {
            content: "Open the Commissions menu",
            trigger: ".o_main_navbar button:contains('Commissions')",
            run: "click",
        },
        {
            content: "Settle the commissions",
            trigger: ".o-dropdown--menu .o-dropdown-item:contains('Settle Commissions')",
            run: "click",
        },
        {
            content: "Settle last month's sales invoices",
            trigger: ".modal .o_field_widget[name=settlement_type]:contains('Sales Invoices')",
        },
        {
            trigger: ".modal button[name=action_settle]",
            run: "click",
        },
        {
            content: "Open Lan's settlement",
            trigger: ".o_list_view .o_data_row:contains('Lan Tour') td[name=agent_id]",
            run: "click",
        },
        {
            content: "Its line shows the invoice's commission",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('INV/')",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view button[name=action_approve]",
            run: "click",
        },
        {
            content: "Approved",
            trigger: ".o_form_view .o_field_widget[name=approved_user_id]:contains('Commission Tour Manager')",
        },
        {
            content: "Open the actions",
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Export for payroll",
            trigger: ".o-dropdown--menu .o-dropdown-item:contains('Export for Payroll')",
            run: "click",
        },
        {
            content: "The export is of this settlement",
            trigger: ".modal .o_field_widget[name=settlement_ids] .o_tag",
            run() {
                // the download opens in a new tab: fetch it here and tell its outcome
                browser.open = (url) => {
                    fetch(url).then(async (response) => {
                        const type = response.headers.get("Content-Type");
                        const size = (await response.blob()).size;
                        document.body.dataset.payrollDownload = `${response.status} ${size} ${type}`;
                    });
                };
            },
        },
        {
            trigger: ".modal button[name=action_export]",
            run: "click",
        },
        {
            content: "The xlsx file was downloaded",
            trigger:
                "body[data-payroll-download^='200 '][data-payroll-download$=' application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']",
        },
    ],
});
