from . import crm_customer_criterion
from . import crm_customer_classification
from . import crm_customer_interaction_type
from . import crm_customer_interaction
from . import res_company
from . import res_config_settings
from . import res_partner
