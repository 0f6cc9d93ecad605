from . import models
from . import report
from . import wizards
from .hooks import pre_init_hook
