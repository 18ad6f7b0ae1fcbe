"""Pairing this program as seed 002's agent, for a trader at the keyboard:

    run_executor.py --config executor.ini --pair "My VPS Agent"

signs in with the trader's Ordergate email and password (asked for, or ORDERGATE_EMAIL / ORDERGATE_PASSWORD), calls
POST /api/v1/agents/pair with the session's token, and writes the agent_id and the pairing key (shown only this once)
into the config file's [agent] section, the rest of the file untouched. The key is never printed or logged; the file
must already be owner-only (settings refuses it otherwise). Exit status 0 when paired, 2 otherwise.
"""
import getpass
import os
import re
import sys

from . import link, settings as settings_module

KEY_LINE = re.compile(r"^\s*(agent_id|pairing_key)\s*[=:]")
SECTION = re.compile(r"^\s*\[([^\]]+)\]")


def pair(flags, environ=None, ask=input, ask_secret=getpass.getpass, out=sys.stdout):
    environ = os.environ if environ is None else environ
    if not flags.config:
        raise settings_module.SettingsError("--pair writes the agent into the config file: give --config")
    url = flags.url or environ.get("ORDERGATE_URL") or settings_module.read_file(flags.config).get("url")
    if not url or not url.startswith(("http://", "https://")):
        raise settings_module.SettingsError("the gateway's url is missing: set [gateway] url in %s" % flags.config)
    email = environ.get("ORDERGATE_EMAIL") or ask("Ordergate email: ").strip()
    password = environ.get("ORDERGATE_PASSWORD") or ask_secret("Ordergate password: ")
    client = link.HttpClient(settings_module.Settings({"url": url.rstrip("/"), "api_key": "", "api_secret": ""}))
    client.headers = {"Content-Type": "application/json", "Accept": "application/json", "User-Agent": link.USER_AGENT}
    try:
        status, answer, _retry = client.call("POST", "/api/v1/auth/login", {"email": email, "password": password})
        if status != 200 or not (answer or {}).get("access_token"):
            raise settings_module.SettingsError("sign-in refused (%s %s)" % (status, _message(answer)))
        client.headers["Authorization"] = "Bearer " + answer["access_token"]
        status, paired, _retry = client.call("POST", "/api/v1/agents/pair", {"agent_name": flags.pair})
        if status != 201 or not (paired or {}).get("pairing_key"):
            raise settings_module.SettingsError("pairing refused (%s %s)" % (status, _message(paired)))
    except link.LinkDown as error:
        raise settings_module.SettingsError("the gateway is unreachable: %s" % error)
    finally:
        client.close()
    write_agent(flags.config, paired["agent_id"], paired["pairing_key"])
    print("paired: agent %s (%s); its key is in %s, shown nowhere else" % (paired["agent_id"], flags.pair,
                                                                          flags.config), file=out)
    return 0


def write_agent(path, agent_id, pairing_key):
    """Puts agent_id and pairing_key at the top of [agent] (replacing old ones), every other line kept as it was."""
    with open(path, encoding="utf-8") as file:
        lines = file.read().splitlines()
    kept, section, inserted = [], None, False
    for line in lines:
        header = SECTION.match(line)
        if header:
            section = header.group(1).strip().lower()
        if section == "agent" and KEY_LINE.match(line):
            continue
        kept.append(line)
        if header and section == "agent":
            kept += ["agent_id = " + agent_id, "pairing_key = " + pairing_key]
            inserted = True
    if not inserted:
        kept += ["", "[agent]", "agent_id = " + agent_id, "pairing_key = " + pairing_key]
    temp = path + ".tmp"
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # owner-only from its first byte
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write("\n".join(kept) + "\n")
        file.flush()
        os.fsync(file.fileno())
    os.replace(temp, path)


def _message(answer):
    error = (answer or {}).get("error")
    return error.get("message") if isinstance(error, dict) else error or ""
