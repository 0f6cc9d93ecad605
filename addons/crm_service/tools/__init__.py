from .work_hours import count_work_hours, plan_work_hours

__all__ = ["count_work_hours", "plan_work_hours"]
