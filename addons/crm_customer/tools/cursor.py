import itertools

from odoo.tools import SQL

# rows read at a time from a server-side cursor
FETCH_SIZE = 5000
# a name per cursor, for several streams open in one transaction
_cursor_numbers = itertools.count()


def iter_query_batches(cr, query, batch_size=None):
    """Yield the rows of ``query`` (an ``SQL``) in lists of at most ``batch_size``
    (``FETCH_SIZE`` by default), read through a server-side cursor
    (``DECLARE``/``FETCH`` in the current transaction, so it sees what the
    transaction sees): memory holds one batch, never the whole result, and the
    query runs once whatever its number of rows.
    A stream stopped half-way leaves its cursor to the end of the transaction.

    The cursor is planned for reading all its rows (PostgreSQL plans a cursor for
    its first tenth by default) and without JIT compilation, which costs a large
    export's query more than it saves (0.8 s of the 2.1 s the aging of 200,000
    items took); both settings are back to their defaults once it is declared
    (planned), in the same statement."""
    name = SQL.identifier(f"crm_customer_stream_{next(_cursor_numbers)}")
    cr.execute(
        SQL(
            "SET LOCAL jit = off; SET LOCAL cursor_tuple_fraction = 1;"
            " DECLARE %s NO SCROLL CURSOR FOR %s;"
            " SET LOCAL jit TO DEFAULT; SET LOCAL cursor_tuple_fraction TO DEFAULT",
            name,
            query,
        )
    )
    while True:
        cr.execute(SQL("FETCH FORWARD %s FROM %s", batch_size or FETCH_SIZE, name))
        if not (rows := cr.fetchall()):
            return
        yield rows
