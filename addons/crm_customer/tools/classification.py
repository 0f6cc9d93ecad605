from odoo.tools import SQL


def classification_levels_sql(partner_id):
    """The classification values of a customer, for the reports by classification.

    ``partner_id`` is the SQL expression of the customer's id in the report's query.
    Returns ``(columns, joins)``: ``joins`` gives one row per classification value of
    the customer (aliases ``rel`` for the customer-value relation and ``value`` for
    the value), ``columns`` selects ``criterion_id``, ``classification_id`` and the
    value's first two ancestors ``level1_id`` and ``level2_id`` (from its
    ``parent_path``), so grouping by a criterion's levels counts every customer under
    the region (or industry...) it belongs to, however deep it is classified.
    """
    columns = SQL(
        """value.criterion_id,
           rel.classification_id,
           split_part(value.parent_path, '/', 1)::int AS level1_id,
           NULLIF(split_part(value.parent_path, '/', 2), '')::int AS level2_id"""
    )
    joins = SQL(
        """JOIN res_partner_crm_customer_classification_rel rel
             ON rel.partner_id = %s
           JOIN crm_customer_classification value
             ON value.id = rel.classification_id""",
        partner_id,
    )
    return columns, joins
