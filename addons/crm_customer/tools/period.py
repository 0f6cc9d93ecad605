# The months of a period target (crm.period.target.mixin). A model inheriting the mixin
# declares its month with this list again: Odoo gives a selection's values the xmlids
# (and so the translations) of the module that lists them.
MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]
