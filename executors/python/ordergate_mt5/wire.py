"""How values travel to the gateway: JSON text, decimals it parses exactly, times in ISO-8601 UTC."""
import datetime
import json
import math

# The gateway parses decimals exactly with at most 8 decimal places; MT5 hands us binary doubles
# (0.1 + 0.2 = 0.30000000000000004), so every double is rounded to 8 places before it is written.
DECIMAL_PLACES = 8


def num(value):
    """A double from MT5 as a JSON-ready number the gateway accepts: 8 decimal places at most, never -0; None (no value)
    for NaN or an infinity, which dumps would refuse (allow_nan=False), so the whole message would never be sent."""
    if value is None or not math.isfinite(float(value)):
        return None
    rounded = round(float(value), DECIMAL_PLACES)
    return 0.0 if rounded == 0 else rounded


def dumps(message):
    return json.dumps(message, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def loads(text):
    return json.loads(text)


def iso_time(epoch_seconds=None, epoch_millis=None):
    """ISO-8601 UTC with milliseconds, e.g. 2026-11-22T10:00:00.123Z, from MT5's time or time_msc."""
    if epoch_millis:
        seconds = epoch_millis / 1000.0
    elif epoch_seconds is not None:
        seconds = float(epoch_seconds)
    else:
        seconds = datetime.datetime.now(datetime.timezone.utc).timestamp()
    moment = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (moment.microsecond // 1000)


def parse_time(value):
    """Seconds since 1970 from an ISO-8601 text ("2026-11-22T10:00:00Z", "2026-11-22") or a number; None if absent.

    Raises ValueError for anything else, so a bad parameter is answered as a failed command, not guessed at."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError("a time must be ISO-8601 or seconds since 1970")
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    if text.endswith("Z") or text.endswith("z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("a time must be ISO-8601 or seconds since 1970, not %r" % value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return moment.timestamp()


def decimal_param(parameters, name, required=False):
    """A decimal command parameter (the gateway sends numbers; strings are accepted too) as a float, or None."""
    value = parameters.get(name)
    if value is None or value == "":
        if required:
            raise ValueError("%s is required" % name)
        return None
    if isinstance(value, bool):
        raise ValueError("%s must be a number" % name)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError("%s must be a number, not %r" % (name, value))


def ticket_param(parameters, name="ticket"):
    """An MT5 ticket parameter (the gateway sends it as a string of digits) as an int."""
    value = parameters.get(name)
    text = str(value) if value is not None else ""
    if not text.isdigit() or int(text) <= 0:
        raise ValueError("%s must be an MT5 ticket number, not %r" % (name, value))
    return int(text)
