def pre_init_hook(env):
    # On install the no-overlap constraint is added before the models' init():
    # the extension must be there first (init() covers upgrades from 18.0.1.0.0).
    env.cr.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
