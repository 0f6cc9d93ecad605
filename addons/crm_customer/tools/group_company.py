"""The companies of a group: a company customer and the companies under it."""

from odoo.tools import SQL


def group_member_ids_sql(root):
    """Subquery of the ids of the group whose parent company is ``root`` (an SQL
    expression, e.g. a partner row's ``id`` column): the company itself and the
    active companies under it, at any depth. Contacts are not members: a company
    under a contact is not walked to."""
    return SQL(
        """(WITH RECURSIVE member(id) AS (
                SELECT %(root)s
                 UNION
                SELECT child.id
                  FROM res_partner child
                  JOIN member ON child.parent_id = member.id
                 WHERE child.is_company AND child.active
            )
            SELECT id FROM member)""",
        root=root,
    )
