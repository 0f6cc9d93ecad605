import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_sales_pipeline_tour", {
    steps: () => [
        {
            content: "Convert the lead",
            trigger: ".o_statusbar_buttons button:contains('Convert to Opportunity')",
            run: "click",
        },
        {
            content: "Keep its customer and create the opportunity",
            trigger: ".modal button[name=action_apply]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_buttons button[name=action_sale_quotations_new]",
            run: "click",
        },
        {
            content: "Quote the freight",
            trigger: ".o_field_x2many_list_row_add a:contains('Add a product')",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=product_template_id] input",
            run: "edit Tour Ocean Freight",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Ocean Freight')",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=price_unit] input",
            run: "edit 2400",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "The customer wants a lower rate: revise",
            trigger: ".o_statusbar_buttons button[name=action_open_revision_wizard]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit Khách hàng đề nghị giảm cước",
        },
        {
            trigger: ".modal button[name=action_create_revision]",
            run: "click",
        },
        {
            content: "The revision opens, numbered R1",
            trigger: ".o_form_view .oe_title:contains('-R1')",
        },
        {
            trigger: ".o_data_row td[name=price_unit]",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=price_unit] input",
            run: "edit 2250",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Compare with the original",
            trigger: ".o_statusbar_buttons button[name=action_open_revision_compare]",
            run: "click",
        },
        {
            trigger: ".modal .o_sale_order_revision_diff .badge:contains('Changed')",
        },
        {
            trigger: ".modal .o_sale_order_revision_diff del:contains('2,400.00')",
        },
        {
            trigger: ".modal-footer button:contains('Close')",
            run: "click",
        },
        {
            content: "Send the revision to the customer",
            trigger: ".o_statusbar_buttons button[name=action_quotation_send]:contains('Send by Email')",
            run: "click",
        },
        {
            trigger: ".modal button.o_mail_send",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Quotation Sent')",
        },
        {
            content: "The sending is counted",
            trigger: ".oe_stat_button[name=action_open_send_log] .o_stat_value:contains('1')",
        },
        {
            content: "The customer agrees: confirm the revision",
            trigger: ".o_statusbar_buttons button[name=action_confirm]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Sales Order')",
        },
    ],
});
