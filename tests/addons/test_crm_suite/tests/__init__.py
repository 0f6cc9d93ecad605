from . import test_crm_deadline_reminder_mixin
