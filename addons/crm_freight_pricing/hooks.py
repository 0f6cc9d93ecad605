def pre_init_hook(env):
    # The no-overlap rule on rate lines compares ids and date ranges in one GiST
    # exclusion constraint; btree_gist is a trusted extension (PostgreSQL >= 13).
    env.cr.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
