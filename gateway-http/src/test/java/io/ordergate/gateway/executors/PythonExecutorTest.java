package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ordergate.gateway.OrdergateMain;

/**
 * The executor for real MT5 terminals ({@code executors/python}) against gateways started from this build: its
 * unittest suite (a stand-in MetaTrader5 module, real gateways in child JVMs, real kill -9s) run by the Debian
 * {@code python3}, which sees {@code python3-websocket}. Skipped only when no {@code python3} is installed.
 */
class PythonExecutorTest
{
    private static final long TIMEOUT_SECONDS = 300;
    private static final Pattern RAN = Pattern.compile("Ran (\\d+) tests? in");

    @Test
    void shouldPassThePythonExecutorsSuiteAgainstRealGateways() throws IOException, InterruptedException
    {
        final String python = python();
        Assumptions.assumeTrue(python != null, "python3 is not installed: the Python executor's tests are skipped "
            + "(apt-get install -y python3 python3-websocket)");
        final Path executorDir = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("executors/python");
        final Path log = Path.of("target", "python-executor-tests.log").toAbsolutePath();
        Files.createDirectories(log.getParent());

        final ProcessBuilder builder = new ProcessBuilder(python, "-m", "unittest", "discover", "-s", "tests", "-v")
            .directory(executorDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().put("ORDERGATE_GATEWAY_CMD", new ObjectMapper().writeValueAsString(gatewayCommand()));
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");  // no __pycache__ in the source tree
        final Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
        {
            process.descendants().forEach(ProcessHandle::destroyForcibly);  // its gateways and executors too
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        final String output = Files.readString(log);
        final String tail = output.substring(Math.max(0, output.length() - 20_000));
        assertEquals(0, process.isAlive() ? -1 : process.exitValue(), "the Python executor's suite failed (" + log + "):\n" + tail);
        final Matcher ran = RAN.matcher(output);
        assertTrue(ran.find() && Integer.parseInt(ran.group(1)) >= 20, "expected the whole suite to run:\n" + tail);
    }

    /** The Debian interpreter first: a pyenv python3 earlier on PATH does not see Debian's dist-packages. */
    private static String python()
    {
        if (Files.isExecutable(Path.of("/usr/bin/python3")))
        {
            return "/usr/bin/python3";
        }
        for (final String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        {
            for (final String name : new String[] {"python3", "python3.exe"})
            {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name)))
                {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    /** This JVM's java, Chronicle flags and classpath running OrdergateMain: the gateway of this very build. */
    private static List<String> gatewayCommand()
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle"))
            {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OrdergateMain.class.getName());
        return command;
    }
}
