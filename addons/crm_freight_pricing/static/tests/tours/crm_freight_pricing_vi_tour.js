import { registry } from "@web/core/registry";

const { DateTime } = luxon;

// dd/MM/yyyy: how vi_VN writes dates
const nextWeek = () => DateTime.local().plus({ days: 7 }).toFormat("dd/MM/yyyy");

registry.category("web_tour.tours").add("crm_freight_pricing_vi_tour", {
    steps: () => [
        {
            content: "The customer, typed without diacritics",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit bien xanh",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Công ty TNHH Biển Xanh')",
            run: "click",
        },
        {
            content: "The shipment tab, in Vietnamese",
            trigger: ".o_notebook .nav-link:contains('Lô hàng')",
            run: "click",
        },
        {
            content: "Sea freight, full containers",
            trigger: ".o_field_widget[name=freight_mode] select",
            run: function () {
                const option = [...this.anchor.options].find((o) => o.value.includes("sea_fcl"));
                this.anchor.value = option.value;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "From HCM: the whole metro area",
            trigger: ".o_field_widget[name=origin_location_id] input",
            run: "edit hcm",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('TP. Hồ Chí Minh (tất cả các cảng)')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=destination_location_id] input",
            run: "edit busan",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('KRPUS - Busan')",
            run: "click",
        },
        {
            content: "Next week, written the Vietnamese way",
            trigger: ".o_field_widget[name=shipment_date] input",
            run: () => {
                const input = document.querySelector(
                    ".o_field_widget[name=shipment_date] input"
                );
                input.value = nextWeek();
                input.dispatchEvent(new Event("input", { bubbles: true }));
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "One 20' container",
            trigger: ".o_field_widget[name=container_line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=container_line_ids] .o_selected_row [name=container_type_id] input",
            run: "edit 20GP",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('20GP')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=container_line_ids] .o_selected_row [name=quantity] input",
            run: "edit 1",
        },
        {
            trigger: ".o_notebook .nav-link[name=order_lines]",
            run: "click",
        },
        {
            content: "Look up the rates (the quotation is saved first)",
            trigger: ".o_form_view button[name=action_open_rate_search]",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_search]",
            run: "click",
        },
        {
            content: "The option names its real port, and shows no buy cost",
            trigger: ".modal .o_field_widget[name=option_ids]:not(:has(th[data-name=total_cost])) .o_data_row:first-child td[name=origin_id]:contains('Cát Lái')",
        },
        {
            trigger: ".modal .o_field_widget[name=option_ids] .o_data_row:first-child button[name=action_add_to_order]",
            run: "click",
        },
        {
            content: "Quoted in dong, rounded to the thousand, in Vietnamese numbers",
            trigger: ".o_field_widget[name=order_line] .o_data_row td[name=price_unit]:contains('32.398.000')",
        },
        {
            trigger: ".o_notebook .nav-link[name=freight_shipment]:contains('Lô hàng')",
            run: "click",
        },
        {
            content: "The shipment date as typed, the port as quoted",
            trigger: ".o_field_widget[name=shipment_date] input",
            run: function () {
                const value = this.anchor.value;
                if (value !== nextWeek()) {
                    throw new Error(`shipment date shows ${value}, not ${nextWeek()}`);
                }
            },
        },
        {
            trigger: ".o_field_widget[name=origin_location_id] input:value('VNCLI - Cát Lái')",
        },
        {
            content: "Send it",
            trigger: ".o_form_view button[name=action_quotation_send]:contains('Gửi qua email')",
            run: "click",
        },
        {
            content: "The mail in Vietnamese, its amount in dong",
            trigger: ".modal .o_field_widget[name=body]:contains('32.398.000 ₫')",
        },
        {
            trigger: ".modal button.o_mail_send:contains('Gửi')",
            run: "click",
        },
        {
            content: "Sent",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Báo giá đã gửi')",
        },
    ],
});
