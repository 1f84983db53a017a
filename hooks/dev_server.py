"""`mkdocs serve` on a busy port fails at once, in one line, instead of after a full build with a traceback.

MkDocs builds the whole site before it binds its port, then dies with a 20-line OSError when another server (an
earlier `mkdocs serve`, say) holds it. This hook tries the address first, when the command is `serve`, before the
first build only: from then on the port is the server's own, and a rebuild after an edit must not trip on it.
"""

import errno
import socket

from mkdocs.exceptions import PluginError

_command = {"name": None}


def on_startup(command, dirty):
    _command["name"] = command


def on_serve(server, config, builder):
    _command["name"] = "serving"  # the server holds the port from now on
    return server


def on_config(config):
    if _command["name"] != "serve":
        return config
    host, port = config.dev_addr.host, config.dev_addr.port
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: TIME_WAIT is no conflict
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            raise PluginError(
                f"{host}:{port} is already in use (another mkdocs serve?): serve on another port with "
                f"make serve PORT={port + 1}, or mkdocs serve -a {host}:{port + 1}"
            ) from None
    return config
