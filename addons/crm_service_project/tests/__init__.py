from . import test_project_task
from . import test_translations
