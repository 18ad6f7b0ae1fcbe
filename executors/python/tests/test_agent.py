"""Seed 002's agent end to end against a real gateway: paired by the app (agent id and pairing key), alone or as the
executor itself, it takes compile, deploy, run and stop jobs; MetaEditor and the EA terminal are the clearly named
stand-ins tests/standin/metaeditor_standin.py and terminal_standin.py (both run on Windows only for real)."""
import base64
import configparser
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import harness
from harness import wait_until

STANDIN_MAGIC = b"EX5\x00STANDIN-NOT-COMPILED\x00"
PASSWORD = "Correct-Horse-9-agent"
DESCRIPTION = ("Create a scalping EA that trades EURUSD on M15 timeframe. Use 10 and 20 period moving average "
               "crossover. Risk 1% per trade with 20 pip stop loss and 40 pip take profit.")


def agent_section(workdir, **extra):
    section = {"poll_seconds": "0.2", "heartbeat_seconds": "1", "mql5_dir": os.path.join(workdir, "MQL5"),
               "metaeditor": os.path.join(harness.STANDIN, "metaeditor_standin.py"),
               "ea_terminal": os.path.join(harness.STANDIN, "terminal_standin.py")}
    section.update(extra)
    return section


class EaJobsThroughTheGateway(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="og-pyexec-agent-")
        self.addCleanup(shutil.rmtree, self.dir, True)
        self.gateway = harness.shared_gateway()

    def start(self, executor, agent, state_file=None):
        process = harness.ExecutorProcess(self.dir, self.gateway.url, executor, state_file, agent=agent).start()
        self.addCleanup(process.stop)
        return process

    def agent_online(self, agent_id):
        def online():
            for agent in self.gateway.ok("GET", "/api/v1/agents?page_size=100")["items"]:
                if agent["agent_id"] == agent_id:
                    return agent["status"] == "online"
            return False
        wait_until("agent %s online" % agent_id, online)

    def compiled_version(self, agent_id):
        project = self.gateway.ok("POST", "/api/v1/ea/projects", {"name": "agent test EA"})["project_id"]
        version = self.gateway.ok("POST", "/api/v1/ea/generate", {"project_id": project,
                                                                 "strategy_description": DESCRIPTION})
        status, job = self.gateway.call("POST", "/api/v1/ea/versions/%s/compile" % version["version_id"],
                                        {"agent_id": agent_id})
        self.assertEqual((202, "pending"), (status, job["status"]), job)
        artifacts = wait_until("the agent's EX5", lambda: self.artifacts(version["version_id"]).get("EX5"), 30)
        source = version["source_code"].encode("utf-8")
        built = STANDIN_MAGIC + hashlib.sha256(source).digest()
        self.assertEqual(hashlib.sha256(built).hexdigest(), artifacts["sha256"], "the EX5 MetaEditor wrote, stored")
        self.assertEqual(len(built), artifacts["size_bytes"])
        return version, built

    def artifacts(self, version_id):
        listed = self.gateway.ok("GET", "/api/v1/ea/versions/%s/artifacts" % version_id)["artifacts"]
        return {a["kind"]: a for a in listed}

    def logs(self, deployment):
        return [line["message"] for line in
                self.gateway.ok("GET", "/api/v1/deployments/%s/logs?page_size=200" % deployment)["logs"]]

    def test_a_paired_agent_compiles_deploys_runs_and_stops_an_ea(self):
        process = harness.ExecutorProcess(self.dir, self.gateway.url, None, None, agent=agent_section(self.dir))
        agent_id, key = self.pair_through_the_program(process)
        process.start()
        self.addCleanup(process.stop)
        self.agent_online(agent_id)
        version, built = self.compiled_version(agent_id)

        status, deployed = self.gateway.call("POST", "/api/v1/deployments", {
            "version_id": version["version_id"], "agent_id": agent_id, "symbol": "EURUSD"})
        self.assertEqual(201, status, deployed)
        deployment = deployed["deployment_id"]
        wait_until("deployed", lambda: self.gateway.ok("GET", "/api/v1/deployments/" + deployment)["status"]
                   == "deployed", 30)
        experts = os.path.join(self.dir, "MQL5", "Experts", "Ordergate")
        ex5_files = [name for name in os.listdir(experts) if name.endswith(".ex5")]
        self.assertEqual(1, len(ex5_files), os.listdir(experts))
        with open(os.path.join(experts, ex5_files[0]), "rb") as file:
            self.assertEqual(built, file.read(), "the gateway's EX5, checked and copied into MQL5/Experts")

        self.assertEqual("running", self.gateway.ok("POST", "/api/v1/deployments/%s/run" % deployment)["status"])
        marker = os.path.join(process.state_dir, "agent", "running.json")
        wait_until("the EA terminal started", lambda: os.path.exists(marker), 30)
        with open(marker, encoding="utf-8") as file:
            running = json.load(file)
        self.assertEqual(("Ordergate\\" + ex5_files[0][:-4], "EURUSD", True),
                         (running["expert"], running["symbol"], running["portable"]))
        wait_until("its start in the logs", lambda: any(m.startswith("EA started on EURUSD")
                                                        for m in self.logs(deployment)), 30)

        self.assertEqual("stopped", self.gateway.ok("POST", "/api/v1/deployments/%s/stop" % deployment)["status"])
        wait_until("the EA terminal ended", lambda: not os.path.exists(marker), 30)
        wait_until("its stop in the logs", lambda: any(m.startswith("EA stopped on EURUSD")
                                                       for m in self.logs(deployment)), 30)
        self.assertEqual("stopped", self.gateway.ok("GET", "/api/v1/deployments/" + deployment)["status"])
        self.assertNotIn(key, process.log(), "the pairing key is never logged")
        with open(os.path.join(process.state_dir, "agent.json"), encoding="utf-8") as file:
            self.assertNotIn(key, file.read())

    def pair_through_the_program(self, process):
        """A trader pairs the program with --pair: signed in, the agent's id and key written into its config file."""
        status, user = self.gateway.call("POST", "/api/v1/users", {
            "email": "agent-owner@example.com", "name": "Agent Owner", "role": "trader", "password": PASSWORD})
        self.assertEqual(201, status, user)
        paired = subprocess.run([sys.executable, os.path.join(harness.EXECUTOR_DIR, "run_executor.py"), "--config",
                                 process.config, "--pair", "Python agent"], capture_output=True, text=True, timeout=60,
                                env=dict(process.env, ORDERGATE_EMAIL="agent-owner@example.com",
                                         ORDERGATE_PASSWORD=PASSWORD))
        self.assertEqual(0, paired.returncode, paired.stdout + paired.stderr)
        written = configparser.ConfigParser(interpolation=None)
        written.read(process.config)
        agent_id, key = written.get("agent", "agent_id"), written.get("agent", "pairing_key")
        self.assertTrue(key.startswith("pk_live_"), "the key the gateway showed once")
        self.assertIn(agent_id, paired.stdout)
        self.assertNotIn(key, paired.stdout + paired.stderr, "the key is written to the file only")
        self.assertEqual(0o600, os.stat(process.config).st_mode & 0o777)
        self.assertEqual(agent_section(self.dir)["mql5_dir"], written.get("agent", "mql5_dir"), "the rest kept")
        return agent_id, key

    def test_the_executor_is_an_agent_with_its_own_key(self):
        executor = self.gateway.new_account_and_executor("mt5-agent")
        terminal = harness.Terminal(os.path.join(self.dir, "terminal.json"))
        self.start(executor, agent_section(self.dir, enabled="true"), terminal.state_file)
        wait_until("the executor online", lambda: self.gateway.executor(executor["executor_id"])["status"] == "online")
        _version, built = self.compiled_version(executor["executor_id"])
        self.assertTrue(built.startswith(STANDIN_MAGIC))


class AgentResults(unittest.TestCase):
    """The agent's results without a gateway: bounded as the gateway takes them, and a job given again (after a
    crash, past its lease) answered with its first result, not done twice."""

    def setUp(self):
        from ordergate_mt5 import settings as settings_module
        self.dir = tempfile.mkdtemp(prefix="og-pyexec-agent-unit-")
        self.addCleanup(shutil.rmtree, self.dir, True)
        config = os.path.join(self.dir, "agent.ini")
        with open(config, "w") as file:
            file.write("[gateway]\nurl = http://127.0.0.1:9\n[agent]\n" + "".join(
                "%s = %s\n" % item for item in agent_section(self.dir).items()))
        os.chmod(config, 0o600)
        self.settings = settings_module.load(["--config", config, "--state-dir", os.path.join(self.dir, "state")], {
            "ORDERGATE_AGENT_ID": "agt_unit", "ORDERGATE_AGENT_KEY": "pk_live_x"})

    def test_a_result_stays_within_4_kib_beside_its_artifact(self):
        from ordergate_mt5.agent import MAX_RESULT_BYTES, bounded_logs, bounded_result
        artifact = base64.b64encode(os.urandom(30000)).decode()
        result = bounded_result({"artifact_base64": artifact, "errors": 0, "details": "x" * 9000,
                                 "warnings_text": "y" * 3000})
        self.assertEqual(artifact, result.pop("artifact_base64"))
        self.assertLessEqual(len(json.dumps(result, separators=(",", ":"))), MAX_RESULT_BYTES)
        self.assertEqual(0, result["errors"], "the small fields stay")
        logs = bounded_logs(["line %d %s" % (i, "z" * 100) for i in range(1000)])
        self.assertLessEqual(len(logs), 16000)
        self.assertTrue(logs.startswith("line 0 ") and logs.endswith("line 999 " + "z" * 100))

    def test_a_job_given_again_gets_its_first_result(self):
        from ordergate_mt5.agent import Agent
        source = b"void OnTick() {}\n"
        agent = Agent(self.settings)
        agent.http.download = lambda url: source
        job = {"job_id": "job_7", "type": "compile", "payload": {"source_sha256": hashlib.sha256(source).hexdigest(),
                                                                  "file_name": "My EA.mq5", "source_url": "/x"}}
        agent.on_job(job)
        first = agent.state["results"]["job_7"]
        self.assertEqual("completed", first["status"], first)
        self.assertIn("artifact_base64", first["result"])
        agent.http.download = lambda url: self.fail("a job answered already is not done again")
        restarted = Agent(self.settings)  # as after kill -9: the result was on disk before it was sent
        restarted.http.download = agent.http.download
        restarted.on_job(job)
        self.assertEqual(first, restarted.state["results"]["job_7"])
        self.assertEqual(["job_7"], restarted.state["unsent"])
        restarted.http.call = lambda method, path, body=None: (200, {"acknowledged": True})
        self.assertTrue(restarted._send_unsent())
        self.assertEqual([], restarted.state["unsent"])
        self.assertNotIn("artifact_base64", Agent(self.settings).state["results"]["job_7"]["result"],
                         "the EX5 is not kept on disk once the gateway has it")

    def test_a_source_metaeditor_refuses_is_a_failed_job_with_its_log(self):
        from ordergate_mt5.agent import Agent
        source = b"int OnInit() { return 0; }\n"
        agent = Agent(self.settings)
        agent.http.download = lambda url: source
        agent.on_job({"job_id": "job_8", "type": "compile", "payload": {
            "source_sha256": hashlib.sha256(source).hexdigest(), "file_name": "bad.mq5", "source_url": "/x"}})
        failed = agent.state["results"]["job_8"]
        self.assertEqual(("failed", 1), (failed["status"], failed["result"]["errors"]), failed)
        self.assertNotIn("artifact_base64", failed["result"])
        self.assertIn("'OnTick' - event handler not found", failed["logs"])

    def test_pairing_again_replaces_the_agent_and_keeps_every_other_line(self):
        from ordergate_mt5.pairing import write_agent
        path = os.path.join(self.dir, "pairing.ini")
        text = ("; my comment\n[gateway]\nurl = http://x\n[agent]\n; agent comment\nagent_id = agt_old\n"
                "pairing_key = pk_live_old\nea_terminal = C:\\MT5-EA\\terminal64.exe\n[executor]\nlog_level = INFO\n")
        with open(path, "w") as file:
            file.write(text)
        write_agent(path, "agt_new", "pk_live_new")
        with open(path) as file:
            written = file.read()
        self.assertEqual(text.replace("agent_id = agt_old\npairing_key = pk_live_old\n", "").replace(
            "[agent]\n", "[agent]\nagent_id = agt_new\npairing_key = pk_live_new\n"), written)
        self.assertEqual(0o600, os.stat(path).st_mode & 0o777)

    def test_a_source_that_is_not_the_jobs_is_not_compiled(self):
        from ordergate_mt5.agent import Agent
        agent = Agent(self.settings)
        agent.http.download = lambda url: b"void OnTick() {}"
        agent.on_job({"job_id": "job_9", "type": "compile", "payload": {"source_sha256": "0" * 64,
                                                                        "file_name": "x.mq5", "source_url": "/x"}})
        self.assertEqual("failed", agent.state["results"]["job_9"]["status"])
        self.assertIn("SHA-256", agent.state["results"]["job_9"]["logs"])
        self.assertFalse(os.path.exists(os.path.join(self.dir, "MQL5", "Experts", "Ordergate", "x.ex5")))


if __name__ == "__main__":
    unittest.main()
