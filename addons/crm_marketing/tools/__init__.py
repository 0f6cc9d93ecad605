# Readers of campaign and plan money (budget, costs, won revenue, ROI): marketing staff
# and sales managers, not salespeople. Used by every field that holds such a figure.
FIGURE_GROUPS = "crm_marketing.group_marketing_user,sales_team.group_sale_manager"
# Readers of a campaign's targets (who was aimed at): the salespeople (their own
# customers' by record rule) and marketing staff.
TARGET_READERS = "sales_team.group_sale_salesman,crm_marketing.group_marketing_user"
