"""Working time on a company's calendar (its leaves included): the SLA deadlines of
a case and the start of its clock; plain hours when the company has no calendar."""

from datetime import timedelta


def plan_work_hours(company, start, hours):
    """The moment ``hours`` working hours after ``start``."""
    calendar = company.resource_calendar_id
    if not calendar:
        return start + timedelta(hours=hours)
    return calendar.plan_hours(hours, start, compute_leaves=True)


def count_work_hours(company, start, end):
    """The working hours between ``start`` and ``end``."""
    calendar = company.resource_calendar_id
    if not calendar:
        return (end - start).total_seconds() / 3600
    return calendar.get_work_hours_count(start, end, compute_leaves=True)
