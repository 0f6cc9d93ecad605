import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_accounting_bridge_tour", {
    steps: () => [
        {
            content: "Open the customer's receivables",
            trigger: ".o_notebook .nav-link:contains('Receivables')",
            run: "click",
        },
        {
            content: "1,500 overdue, 20 days late",
            trigger: ".o_field_widget[name=overdue_amount]:contains('1,500.00')",
        },
        {
            trigger: ".o_field_widget[name=overdue_days]:contains('20')",
        },
        {
            content: "Over its 1,000 limit",
            trigger: "div[name=warning_credit_exceeded]",
        },
    ],
});

// The customer's quotation, opened directly: how many stat buttons fit before "More"
// depends on the modules installed, so the tour does not click through them.
registry.category("web_tour.tours").add("crm_accounting_bridge_order_tour", {
    steps: () => [
        {
            content: "The quotation says why it cannot be confirmed",
            trigger: "div[name=warning_credit_problem]:contains('credit limit')",
        },
        {
            trigger: ".o_statusbar_buttons button[name=action_confirm]",
            run: "click",
        },
        {
            content: "Blocked: an accounting manager must approve an exception",
            trigger: ".modal .modal-body:contains('cannot be confirmed')",
        },
        {
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});
