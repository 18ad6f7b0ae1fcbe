"""Settings and secrets: an owner-only config file or the environment, a clear refusal otherwise, and never a
secret in the log, even while the gateway cannot be reached."""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest

import harness
from ordergate_mt5 import settings as settings_module

SECRET = "exec-secret-Qx81-never-logged"
PASSWORD = "mt5-password-Zr42-never-logged"
CONFIG = ("[gateway]\nurl = http://127.0.0.1:%d\nexecutor_id = exe_cfg\napi_key = exe_key_cfg\napi_secret = " + SECRET +
          "\n[terminal]\nlogin = 5000001\npassword = " + PASSWORD + "\nserver = Standin-Demo\n")


def read(path):
    if not os.path.exists(path):
        return ""
    with open(path) as file:
        return file.read()


class Settings(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="og-pyexec-settings-")
        self.addCleanup(shutil.rmtree, self.dir, True)
        self.config = os.path.join(self.dir, "executor.ini")
        with open(self.config, "w") as file:
            file.write(CONFIG % harness.free_port())
        os.chmod(self.config, 0o600)

    def run_executor(self, *args, env=None):
        return subprocess.run([sys.executable, os.path.join(harness.EXECUTOR_DIR, "run_executor.py")] + list(args),
                              capture_output=True, text=True, timeout=30,
                              env=dict(os.environ, PYTHONPATH=harness.STANDIN, **(env or {})))

    def test_a_config_file_others_may_read_is_refused(self):
        os.chmod(self.config, 0o644)
        finished = self.run_executor("--config", self.config)
        self.assertEqual(2, finished.returncode)
        self.assertIn("may be read by others (mode 644); run: chmod 600", finished.stderr)
        self.assertNotIn(SECRET, finished.stderr + finished.stdout)
        os.chmod(self.config, 0o640)
        self.assertEqual(2, self.run_executor("--config", self.config).returncode)

    def test_a_missing_setting_is_named(self):
        finished = self.run_executor(env={"ORDERGATE_URL": "http://127.0.0.1:9", "ORDERGATE_EXECUTOR_ID": "exe_1",
                                          "ORDERGATE_EXECUTOR_KEY": "exe_k"})
        self.assertEqual(2, finished.returncode)
        self.assertIn("the executor's API secret is missing: set api_secret in the config file or "
                      "ORDERGATE_EXECUTOR_SECRET", finished.stderr)

    def test_the_environment_overrides_the_file_and_flags_override_both(self):
        loaded = settings_module.load(["--config", self.config, "--transport", "http"], {
            "ORDERGATE_EXECUTOR_SECRET": "from-the-environment", "ORDERGATE_URL": "https://gw.example.com/api/",
        })
        self.assertEqual(("from-the-environment", "https://gw.example.com/api", "http", "exe_cfg", 5000001),
                         (loaded.api_secret, loaded.url, loaded.transport, loaded.executor_id, loaded.mt5_login))
        self.assertEqual(os.path.join(self.dir, "ordergate-state"), loaded.state_dir)
        self.assertNotIn("from-the-environment", repr(loaded))
        with self.assertRaises(settings_module.SettingsError):
            settings_module.load([], {"ORDERGATE_URL": "ftp://x", "ORDERGATE_EXECUTOR_ID": "e",
                                      "ORDERGATE_EXECUTOR_KEY": "k", "ORDERGATE_EXECUTOR_SECRET": "s"})

    def test_secrets_never_reach_the_log_while_the_gateway_is_unreachable(self):
        log = os.path.join(self.dir, "executor.log")
        process = subprocess.Popen([sys.executable, os.path.join(harness.EXECUTOR_DIR, "run_executor.py"), "--config",
                                    self.config, "--state-dir", os.path.join(self.dir, "state"), "--log-level",
                                    "DEBUG", "--log-file", log], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   env=dict(os.environ, PYTHONPATH=harness.STANDIN,
                                            MT5_STANDIN_STATE=os.path.join(self.dir, "terminal.json")))
        try:
            harness.wait_until("three failed attempts to reach the gateway",
                               lambda: read(log).count("next try in") >= 3)
        finally:
            process.send_signal(signal.SIGTERM)
            _, stderr = process.communicate(timeout=15)
        self.assertEqual(0, process.returncode, stderr)
        written = read(log)
        self.assertIn("executor stopping", written)
        for text in (written, stderr.decode()):
            self.assertNotIn(SECRET, text)
            self.assertNotIn(PASSWORD, text)

    def test_the_example_file_is_a_valid_config(self):
        example = os.path.join(self.dir, "example.ini")
        shutil.copy(os.path.join(harness.EXECUTOR_DIR, "executor.example.ini"), example)
        os.chmod(example, 0o600)
        loaded = settings_module.load(["--config", example], {})
        self.assertEqual(("https://gateway.example.com", "auto", 15.0, None, 20), (
            loaded.url, loaded.transport, loaded.heartbeat_seconds, loaded.mt5_login, loaded.deviation))

    def test_a_login_without_its_password_is_refused(self):
        with open(self.config, "w") as file:
            file.write((CONFIG % 9).replace("password = " + PASSWORD + "\n", ""))
        with self.assertRaises(settings_module.SettingsError) as refused:
            settings_module.load(["--config", self.config], {})
        self.assertIn("give both the MT5 login and password", str(refused.exception))

if __name__ == "__main__":
    unittest.main()
