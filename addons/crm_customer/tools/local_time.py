"""Local days as the database stores time: pure functions, tested without a database."""

import datetime

import pytz


def local_day_start_utc(day, tz_name):
    """The naive UTC datetime at which ``day`` starts in the time zone ``tz_name``
    (an empty or unknown name: UTC): a day in Hanoi starts at 17:00 UTC the day
    before. Datetimes are stored in UTC: "on that day" means from this start
    (included) to the next day's (excluded)."""
    tz = pytz.timezone(tz_name) if tz_name in pytz.all_timezones_set else pytz.utc
    local = tz.localize(datetime.datetime.combine(day, datetime.time.min))
    return local.astimezone(pytz.utc).replace(tzinfo=None)
