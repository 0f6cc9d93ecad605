import { registry } from "@web/core/registry";

// Logged in as an accounting manager (no sales or contact-creation rights).
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
            content: "The accounting manager approves a credit exception",
            trigger: ".o_statusbar_buttons button:contains('Approve Credit Exception')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit Paid 1,500 by transfer this morning",
        },
        {
            trigger: ".modal .modal-footer button[name=action_approve]",
            run: "click",
        },
        {
            content: "The order shows who approved it and why",
            trigger: "div[name=info_credit_exception]:contains('Paid 1,500 by transfer')",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});
