"""What must reach the gateway, in order, until it says it has it: command results not yet acknowledged, then
trade reports. Results go first, always: a close report before the close's result would make the gateway book the
closing deal's money twice over. Both lists live in the journal's state, so they survive a restart.

Everything here is idempotent at the gateway (a repeated result gets the first answer, a repeated report books
nothing new), so an item whose answer was lost is simply sent again. Not thread safe: the executor's main thread.
"""
import logging

LOG = logging.getLogger("ordergate_mt5.outbox")


class Item:
    def __init__(self, kind, key, body):
        self.kind = kind      # "result" or "trade"
        self.key = key        # the command id, or "open:<ticket>[:<volume>]" / "partial:<ticket>:<deal>" / "close:<ticket>"
        self.body = body      # the result object, or the trade report (seed 000's POST /api/trade body)

    @property
    def ticket(self):
        return self.key.split(":")[1] if self.kind == "trade" else None

    def __repr__(self):
        return "%s %s" % (self.kind, self.key)


class Outbox:
    def __init__(self, journal):
        self.journal = journal

    def head(self):
        state = self.journal.state
        while state["unacked"]:
            command_id = state["unacked"][0]
            result = self.journal.result(command_id)
            if result is not None:
                return Item("result", command_id, result)
            state["unacked"].pop(0)  # compacted away: nothing left to send
        if state["reports"]:
            report = state["reports"][0]
            return Item("trade", report["key"], report["body"])
        return None

    def has_result(self, command_id):
        return command_id in self.journal.state["unacked"]

    def has_result_waiting(self):
        return bool(self.journal.state["unacked"])

    def resend(self, command_id):
        """The gateway delivered a command again: its stored result goes out again (unless already queued)."""
        if not self.has_result(command_id):
            self.journal.state["unacked"].append(command_id)

    def done(self, item):
        """The gateway has the item (or refused it for good): it leaves the outbox."""
        state = self.journal.state
        if item.kind == "result":
            if item.key in state["unacked"]:
                state["unacked"].remove(item.key)
        elif state["reports"] and state["reports"][0]["key"] == item.key:
            state["reports"].pop(0)
        self.journal.save_state()

    def acknowledge_result(self, command_id):
        """An answer naming a command id: it settles that result wherever it is in the queue."""
        if self.has_result(command_id):
            self.done(Item("result", command_id, None))

    def __len__(self):
        state = self.journal.state
        return len(state["unacked"]) + len(state["reports"])
