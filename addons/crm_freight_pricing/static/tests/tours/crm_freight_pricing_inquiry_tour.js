import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_freight_pricing_inquiry_tour", {
    steps: () => [
        {
            content: "Take the salesperson's inquiry",
            trigger: ".o_statusbar_buttons button[name=action_accept]",
            run: "click",
        },
        {
            content: "The rate search opens with the inquiry's shipment",
            trigger: ".modal .o_field_widget[name=origin_location_id] input:value('VNDAD - Da Nang')",
        },
        {
            trigger: ".modal .o_field_widget[name=margin_value] input",
            run: "edit 10",
        },
        {
            trigger: ".modal button[name=action_search]",
            run: "click",
        },
        {
            content: "The cheapest buy rate comes first",
            trigger: ".modal .o_field_widget[name=option_ids] .o_data_row:first-child td[name=carrier_id]:contains('Tour Pricing Line')",
        },
        {
            content: "Quote it",
            trigger: ".modal .o_field_widget[name=option_ids] .o_data_row:first-child button[name=action_add_to_order]",
            run: "click",
        },
        {
            content: "The quotation answering the inquiry has the freight line",
            trigger: ".o_form_view .o_field_widget[name=order_line] .o_data_row:contains('Sea Freight Charges')",
        },
    ],
});
