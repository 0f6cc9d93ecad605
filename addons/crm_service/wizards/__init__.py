from . import crm_service_diagnosis_wizard
