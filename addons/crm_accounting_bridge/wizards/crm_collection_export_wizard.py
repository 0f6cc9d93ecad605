from collections import namedtuple

from odoo import api, fields, models
from odoo.exceptions import ValidationError

BATCH_SIZE = 1000

# One row of the Excel export: a month's figures of a customer (or a target).
CollectionLine = namedtuple(
    "CollectionLine", "month user team customer target expected collected"
)


class CrmCollectionExportWizard(models.TransientModel):
    """Target, expected and collected per month, salesperson, team and customer, as
    the user may read them in the collection report, streamed to an xlsx file
    through crm_customer's export route."""

    _name = "crm.collection.export.wizard"
    _inherit = "crm.customer.xlsx.export"
    _description = "Collections Export"

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    user_ids = fields.Many2many(
        "res.users", string="Salespeople", domain="[('share', '=', False)]"
    )
    team_ids = fields.Many2many(
        "crm.team",
        string="Sales Teams",
        help="These teams and their sub-teams.",
    )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(
                    self.env._("The period of the export ends before it starts.")
                )

    def _get_report_domain(self):
        domain = [
            ("company_id", "=", self.env.company.id),
            ("date", ">=", self.date_from.replace(day=1)),
            ("date", "<=", self.date_to),
        ]
        if self.user_ids:
            domain.append(("user_id", "in", self.user_ids.ids))
        if self.team_ids:
            domain.append(("team_id", "child_of", self.team_ids.ids))
        return domain

    # ------------------------------------------------------------
    # EXCEL EXPORT
    # ------------------------------------------------------------

    def _export_title(self):
        return self.env._("Collections")

    def _get_export_headers(self):
        return [
            self.env._("Month"),
            self.env._("Salesperson"),
            self.env._("Sales Team"),
            self.env._("Customer Code"),
            self.env._("Customer"),
            self.env._("Target"),
            self.env._("Expected"),
            self.env._("Collected"),
        ]

    def _export_columns(self):
        getters = [
            lambda line: line.month,
            lambda line: line.user.name or False,
            lambda line: line.team.name or False,
            lambda line: line.customer.customer_code or False,
            lambda line: line.customer.display_name or False,
            lambda line: line.target,
            lambda line: line.expected,
            lambda line: line.collected,
        ]
        headers = self._export_bilingual(lambda wizard: wizard._get_export_headers())
        return list(zip(headers, getters, strict=True))

    def _export_records(self):
        """One line per month, salesperson, team and customer, read from the report
        as the user (its record rules apply) a batch of groups at a time, the cache
        emptied after each batch."""
        report = self.env["crm.collection.report"]
        domain = self._get_report_domain()
        groupby = ["date:month", "user_id", "team_id", "partner_id"]
        aggregates = [
            "target_amount:sum",
            "expected_amount:sum",
            "collected_amount:sum",
        ]
        offset = 0
        while groups := report._read_group(
            domain,
            groupby,
            aggregates,
            order="date:month, user_id, team_id, partner_id",
            limit=BATCH_SIZE,
            offset=offset,
        ):
            for month, user, team, customer, target, expected, collected in groups:
                yield CollectionLine(
                    month, user, team, customer, target, expected, collected
                )
            offset += BATCH_SIZE
            self.env.invalidate_all()

    def _export_number_format(self):
        return "#,##0.00"

    def _export_freeze_panes(self):
        return 1, 5

    def _export_subtotal_key(self, record):
        return record.month

    def _export_subtotal_row(self, key, sums):
        """One total per month, below the rows."""
        label = self._export_bilingual(
            lambda wizard: [
                wizard.env._("Total %(month)s", month=key.strftime("%m/%Y"))
            ]
        )[0]
        return [None, None, None, None, label, *sums[5:]]
