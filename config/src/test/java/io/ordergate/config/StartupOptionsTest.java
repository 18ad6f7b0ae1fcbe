package io.ordergate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartupOptionsTest
{
    private static StartupOptions parse(final String... args)
    {
        return StartupOptions.parse(args, Map.of());
    }

    @Test
    void shouldHaveNothingSetWithoutArguments()
    {
        final StartupOptions options = parse();
        assertEquals(Optional.empty(), options.configFile());
        assertEquals(OptionalInt.empty(), options.port());
        assertEquals(Optional.empty(), options.dataDir());
        assertEquals(Optional.empty(), options.apiKey());
        assertEquals(Optional.empty(), options.apiSecret());
        assertFalse(options.demoFeedOff());
        assertFalse(options.help());
    }

    @Test
    void shouldReadFlagsInBothForms()
    {
        final StartupOptions spaced = parse("--port", "9000", "--data-dir", "d", "--config", "c.yaml", "--help");
        final StartupOptions inline = parse("--port=9000", "--data-dir=d", "--config=c.yaml", "--help");
        for (final StartupOptions options : new StartupOptions[] {spaced, inline})
        {
            assertEquals(OptionalInt.of(9000), options.port());
            assertEquals(Optional.of(Path.of("d")), options.dataDir());
            assertEquals(Optional.of(Path.of("c.yaml")), options.configFile());
            assertTrue(options.help());
        }
        assertEquals(OptionalInt.of(0), parse("--port=0").port());
        assertEquals(OptionalInt.of(65535), parse("--port", "65535").port());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "--port abc      | --port: must be an integer 0..65535, was \"abc\"",
        "--port 65536    | --port: must be an integer 0..65535, was \"65536\"",
        "--port -1       | --port: must be an integer 0..65535, was \"-1\"",
        "--port=         | --port: must be an integer 0..65535, was \"\"",
        "--port          | --port: needs a value",
        "--config        | --config: needs a value",
        "--data-dir=     | --data-dir: must be a path, was \"\"",
        "--verbose       | --verbose: unknown option (try --help)",
        "--prot=8080     | --prot: unknown option (try --help)",
        "8080            | 8080: unknown option (try --help)",
        "--help=yes      | --help: takes no value",
        "--help=true     | --help: takes no value",
        "--help --prot=1 | --prot: unknown option (try --help)",
        "--config --port 1   | --config: needs a value",
        "--cluster-member x  | --cluster-member: must be a member index 0..8, was \"x\"",
        "--cluster-member=9  | --cluster-member: must be a member index 0..8, was \"9\"",
    })
    void shouldRefuseBadFlagsNamingThem(final String args, final String message)
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> parse(args.split(" ")));
        assertEquals(message, ex.getMessage());
        assertEquals(message.substring(0, message.indexOf(':')), ex.key());
    }

    @Test
    void shouldTakeTheLastOfAFlagGivenTwice()
    {
        // picocli refuses a repeated flag unless told otherwise; before it, the last one counted
        final StartupOptions options = parse("--port", "8081", "--data-dir", "a", "--port=8082", "-h");
        assertEquals(OptionalInt.of(8082), options.port());
        assertEquals(Optional.of(Path.of("a")), options.dataDir());
        assertTrue(options.help());
    }

    @Test
    void shouldReadAnAtSignAsPartOfAValueNotAsAFileOfArguments(@TempDir final Path dir) throws IOException
    {
        // picocli would replace "@FILE" with the arguments in FILE unless told not to
        final Path file = Files.writeString(dir.resolve("args"), "other.yaml\n");
        assertEquals(Optional.of(Path.of("@" + file)), parse("--config", "@" + file).configFile());
        final ConfigException ex = assertThrows(ConfigException.class, () -> parse("@" + file));
        assertEquals("@" + file, ex.key());
    }

    @Test
    void shouldReadTheApiKeyPairAndTheFeedSwitchFromTheEnvironment()
    {
        final StartupOptions options = StartupOptions.parse(new String[0], Map.of(
            "ORDERGATE_API_KEY", "key-1", "ORDERGATE_API_SECRET", "s3cret", "ORDERGATE_DEMO_FEED", "off"));
        assertEquals(Optional.of("key-1"), options.apiKey());
        assertEquals(Optional.of("s3cret"), options.apiSecret());
        assertTrue(options.demoFeedOff());
        assertFalse(options.toString().contains("s3cret"), options.toString());
        assertFalse(StartupOptions.parse(new String[0], Map.of("ORDERGATE_DEMO_FEED", "on")).demoFeedOff());
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "ORDERGATE_API_KEY    | k   | ORDERGATE_API_SECRET",
        "ORDERGATE_API_SECRET | s   | ORDERGATE_API_KEY",
        "ORDERGATE_DEMO_FEED  | OFF | ORDERGATE_DEMO_FEED",
        "ORDERGATE_DEMO_FEED  | 0   | ORDERGATE_DEMO_FEED",
    })
    void shouldRefuseIncompleteOrBadEnvironment(final String name, final String value, final String key)
    {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> StartupOptions.parse(new String[0], Map.of(name, value)));
        assertEquals(key, ex.key());
        assertTrue(ex.getMessage().startsWith(key + ": "), ex.getMessage());
    }

    @Test
    void shouldResolveTheDemoConfigWithOverrides()
    {
        final GatewayConfig config = StartupOptions.parse(new String[] {"--port", "0", "--data-dir", "x/../y"},
            Map.of("ORDERGATE_DEMO_FEED", "off")).resolveConfig();
        assertEquals(0, config.server().port());
        assertEquals(Path.of("y").toAbsolutePath(), config.dataDir());
        assertFalse(config.demo().quoteFeed());
        assertEquals(7, config.instruments().size());

        final GatewayConfig plain = parse().resolveConfig();
        assertEquals(8080, plain.server().port());
        assertTrue(plain.demo().quoteFeed());
    }

    @Test
    void shouldResolveAConfigFile(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("g.yaml");
        Files.writeString(file, ConfigValidationTest.withInstrument("server:\n  port: 7000\n"));
        final GatewayConfig config = parse("--config", file.toString()).resolveConfig();
        assertEquals(7000, config.server().port());
        assertEquals(1, config.instruments().size());
        assertEquals(7001, parse("--config=" + file, "--port=7001").resolveConfig().server().port());
    }

    @Test
    void shouldRunTheSameFileAsAnyMemberOfItsCluster(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, ConfigValidationTest.withInstrument("cluster:\n  members: [10.0.0.11, 10.0.0.12, 10.0.0.13]\n"));
        assertFalse(parse("--config", file.toString()).resolveConfig().cluster().enabled());
        for (int member = 0; member < 3; member++)
        {
            final ClusterConfig cluster = parse("--config", file.toString(), "--cluster-member", String.valueOf(member)).resolveConfig().cluster();
            assertTrue(cluster.enabled());
            assertEquals(member, cluster.memberId());
            assertEquals(java.util.List.of("10.0.0.11", "10.0.0.12", "10.0.0.13"), cluster.members());
        }
        final ConfigException outside = assertThrows(ConfigException.class,
            () -> parse("--config", file.toString(), "--cluster-member=3").resolveConfig());
        assertEquals("--cluster-member", outside.key());
        assertEquals("--cluster-member: must be the index of this node in cluster.members (0 to 2), was 3", outside.getMessage());
    }

    @Test
    void shouldRefuseAnAdminKeyOrSecretNoClientCouldSendNamingTheVariableNotTheSecret()
    {
        // A secret read from a file with Windows line ends, a pasted space, an accent: the gateway started with an admin
        // key that no X-API-Key / X-API-Secret header can carry (header values lose their ends' spaces, are ISO-8859-1)
        final String[][] cases = {
            {"ORDERGATE_API_KEY", "admin\r", "ORDERGATE_API_SECRET", "s3cret", "ORDERGATE_API_KEY", "6"},
            {"ORDERGATE_API_KEY", "ad min", "ORDERGATE_API_SECRET", "s3cret", "ORDERGATE_API_KEY", "3"},
            {"ORDERGATE_API_KEY", "admin", "ORDERGATE_API_SECRET", " s3cret", "ORDERGATE_API_SECRET", "1"},
            {"ORDERGATE_API_KEY", "admin", "ORDERGATE_API_SECRET", "s\u00e9cret", "ORDERGATE_API_SECRET", "2"},
        };
        for (final String[] c : cases)
        {
            final ConfigException refused = assertThrows(ConfigException.class,
                () -> StartupOptions.parse(new String[0], Map.of(c[0], c[1], c[2], c[3])));
            assertEquals(c[4], refused.key());
            assertEquals(c[4] + ": must be visible ASCII characters (! to ~), which a client can send in a header; character " + c[5]
                + " is not", refused.getMessage());
            assertFalse(refused.getMessage().contains("s3cret") || refused.getMessage().contains("cret"), "the secret is never shown");
        }
        assertEquals(Optional.of("k-1_!~"), StartupOptions.parse(new String[0],
            Map.of("ORDERGATE_API_KEY", "k-1_!~", "ORDERGATE_API_SECRET", "Zz0+/=")).apiKey());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "ORDERGATE_MASTER_KEY          | abc                 | a master key must be 32 bytes (256 bits), was 2",
        "ORDERGATE_MASTER_KEY          | not base64!         | a master key must be base64 (e.g. openssl rand -base64 32)",
        "ORDERGATE_MASTER_KEY_PREVIOUS | abc                 | a master key must be 32 bytes (256 bits), was 2",
    })
    void shouldRefuseAMalformedMasterKeyBeforeAnythingStarts(final String variable, final String value, final String problem)
    {
        // Found only when a feature first opened a secret, this was exit 1 after the journal opened, not a bad variable's 2
        final ConfigException refused = assertThrows(ConfigException.class, () -> StartupOptions.parse(new String[0], Map.of(variable, value)));
        assertEquals(variable, refused.key());
        assertEquals("config error at " + variable + ": " + problem, refused.getMessage());
        final String good = io.ordergate.config.secrets.MasterKeys.generate();  // well-formed keys pass
        StartupOptions.parse(new String[0], Map.of("ORDERGATE_MASTER_KEY", good, "ORDERGATE_MASTER_KEY_PREVIOUS", good + ", " + good));
    }

    @Test
    void shouldDescribeEveryOptionInTheUsage()
    {
        final String usage = StartupOptions.usage();
        for (final String word : new String[] {"--config", "--port", "--data-dir", "--cluster-member", "--help", "ORDERGATE_API_KEY",
            "ORDERGATE_API_SECRET", "ORDERGATE_DEMO_FEED", "ORDERGATE_MASTER_KEY", "ORDERGATE_MASTER_KEY_PREVIOUS", "ORDERGATE_WEBHOOKS_ALLOW_PRIVATE",
            "java -jar ordergate.jar journal --help", "cluster-demo"})
        {
            assertTrue(usage.contains(word), word);
        }
        assertTrue(usage.startsWith("usage: java -jar ordergate.jar "), usage);
    }
}
