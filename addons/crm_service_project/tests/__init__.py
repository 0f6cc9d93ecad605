from . import test_project_task
