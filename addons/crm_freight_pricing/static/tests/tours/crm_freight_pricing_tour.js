import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_freight_pricing_tour", {
    steps: () => [
        {
            content: "Look up the rates for this shipment: the salesperson sees sell floors, not buy costs",
            trigger: ".o_form_view button[name=action_open_rate_search]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=origin_location_id] input:value('VNDAD - Da Nang')",
        },
        {
            trigger: ".modal .o_field_widget[name=margin_value] input",
            run: "edit 12",
        },
        {
            trigger: ".modal button[name=action_search]",
            run: "click",
        },
        {
            content: "No buy cost column for a salesperson without the cost group",
            trigger: ".modal .o_field_widget[name=option_ids]:not(:has(th[data-name=total_cost]))",
        },
        {
            content: "The cheapest option comes first",
            trigger: ".modal .o_field_widget[name=option_ids] .o_data_row:first-child td[name=carrier_id]:contains('Tour Cheap Line')",
        },
        {
            trigger: ".modal .o_field_widget[name=option_ids] .o_data_row:first-child button[name=action_add_to_order]",
            run: "click",
        },
        {
            content: "One quotation line per charge",
            trigger: ".o_field_widget[name=order_line] .o_data_row:contains('Sea Freight Charges')",
        },
        {
            trigger: ".o_field_widget[name=order_line] .o_data_row:contains('Freight Surcharges')",
        },
        {
            content: "Print the quotation",
            trigger: ".o_cp_action_menus button:has(i.fa-cog)",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .o-dropdown-item:contains('Print')",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .o-dropdown-item:contains('Quotation / Order')",
            run: "click",
        },
        {
            content: "Printed: back on the quotation",
            trigger: ".o_form_view .o_field_widget[name=order_line]",
        },
    ],
});
