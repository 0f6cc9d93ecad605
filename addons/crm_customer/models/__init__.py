from . import crm_customer_criterion
from . import crm_customer_classification
from . import res_partner
