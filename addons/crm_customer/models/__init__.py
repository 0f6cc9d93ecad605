from . import crm_customer_criterion
from . import crm_customer_classification
from . import crm_customer_interaction_type
from . import crm_customer_interaction
from . import res_partner
