"""Exit 0 when something answers on 127.0.0.1:PORT (and PATH, if given, answers 200)."""

import http.client
import socket
import sys

port = int(sys.argv[1])
path = sys.argv[2] if len(sys.argv) > 2 else None
try:
    if path is None:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", path)
        sys.exit(0 if connection.getresponse().status == 200 else 1)
except OSError:
    sys.exit(1)
