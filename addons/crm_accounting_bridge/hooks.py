def uninstall_hook(env):
    # Matched entries cannot be deleted: back to draft, the demo payments let go of
    # the demo invoices, and the module data removal deletes both.
    demo_payment_ids = (
        env["ir.model.data"]
        .search(
            [
                ("module", "=", "crm_accounting_bridge"),
                ("model", "=", "account.payment"),
            ]
        )
        .mapped("res_id")
    )
    payments = env["account.payment"].browse(demo_payment_ids).exists()
    payments.filtered(lambda payment: payment.state != "draft").action_draft()
