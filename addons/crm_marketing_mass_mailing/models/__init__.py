from . import mailing_mailing
from . import utm_campaign
