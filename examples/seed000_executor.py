#!/usr/bin/env python3
"""A minimal executor written the way seed 000's documentation shows (heartbeat, pendingCommands, PATCH the
result, report trades), with the standard library only. Run it against a gateway to see the protocol work:

    python3 examples/seed000_executor.py http://127.0.0.1:8080/api EXECUTOR_ID API_KEY API_SECRET

It sends one heartbeat, answers every pending command (OPEN_POSITION with a made-up ticket, control commands with
success), then reports a trade open and close like the documentation's examples. A real executor loops every 60 s.
"""
import json
import sys
import urllib.error
import urllib.request

BASE_URL, EXECUTOR_ID, API_KEY, API_SECRET = sys.argv[1:5]


def call(method, url, payload):
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), method=method, headers={
        "Content-Type": "application/json", "X-API-Key": API_KEY, "X-API-Secret": API_SECRET})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def send_heartbeat():
    payload = {"status": "online", "metadata": {"version": "1.0.0", "platform": "MT5", "accountBalance": 10000.00,
                                                "accountEquity": 10500.00, "openPositions": 0}}
    status, data = call("POST", f"{BASE_URL}/executor/{EXECUTOR_ID}/heartbeat", payload)
    print("heartbeat", status, data)
    for command in data.get("pendingCommands", []):
        execute_command(command)


def execute_command(command):
    parameters = command.get("parameters", {})
    if command["command"] == "OPEN_POSITION":
        result = {"success": True, "message": "opened",
                  "details": {"ticket": "555001", "price": 1.0843, "lots": parameters.get("lots")}}
    elif command["command"] in ("GET_STATUS", "PAUSE", "RESUME", "STOP_ALL", "RESTART"):
        result = {"success": True, "message": command["command"].lower() + " done"}
    else:
        result = {"success": False, "message": "Unknown command"}
    report_command_result(command["id"], "executed" if result["success"] else "failed", result)


def report_command_result(command_id, status, result):
    code, data = call("PATCH", f"{BASE_URL}/executor/{EXECUTOR_ID}/command",
                      {"commandId": command_id, "status": status, "result": result})
    print("result", code, data)


send_heartbeat()
print("trade open", *call("POST", f"{BASE_URL}/trade", {
    "executorId": EXECUTOR_ID, "strategyId": "strat_1", "ticket": "12345678", "symbol": "EURUSD", "type": "BUY",
    "lots": 0.01, "openTime": "2024-01-15T10:30:00Z", "openPrice": 1.0950, "stopLoss": 1.0900, "takeProfit": 1.1000,
    "magicNumber": 12345, "comment": "Strategy: Scalper v1"}))
print("trade close", *call("POST", f"{BASE_URL}/trade", {
    "executorId": EXECUTOR_ID, "ticket": "12345678", "closeTime": "2024-01-15T11:30:00Z", "closePrice": 1.0980,
    "commission": 0.50, "swap": 0.10, "profit": 30.00, "pips": 30}))
