# The most days ahead any reminder of the suite can be set to (company settings of
# birthdays, quotation, contract, buy rate and receivable reminders).
MAX_REMINDER_DAYS = 60
