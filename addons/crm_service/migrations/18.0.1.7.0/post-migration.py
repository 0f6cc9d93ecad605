def migrate(cr, version):
    # cases opened before from a call or by code have their contact but neither the
    # name nor the email helpdesk_mgmt's form copies from it (lists show the name)
    cr.execute(
        """
        UPDATE helpdesk_ticket ticket
           SET partner_name = partner.name, partner_email = partner.email
          FROM res_partner partner
         WHERE partner.id = ticket.partner_id
           AND COALESCE(ticket.partner_name, '') = ''
           AND COALESCE(ticket.partner_email, '') = ''
        """
    )
