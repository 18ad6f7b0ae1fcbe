package io.ordergate.gateway.core;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * {@link ErrorFormat#API} is set whichever class the JVM initialises first. It was read from a field of
 * {@link ApiErrors}, and initialising ApiErrors first (the 413 of an oversized first request) initialises the
 * interface in the middle, so API stayed null and every later refusal closed its connection. Each case loads the
 * classes afresh in a class loader of its own, so this JVM's order does not decide it.
 */
class ErrorFormatInitialisationTest
{
    @Test
    void shouldSetTheApiFormatWhenTheImplementationIsInitialisedFirst() throws Exception
    {
        try (URLClassLoader fresh = freshLoader())
        {
            Class.forName(ApiErrors.class.getName(), true, fresh);
            assertNotNull(apiFormatIn(fresh));
        }
    }

    @Test
    void shouldSetTheApiFormatWhenTheInterfaceIsInitialisedFirst() throws Exception
    {
        try (URLClassLoader fresh = freshLoader())
        {
            assertNotNull(apiFormatIn(fresh));
        }
    }

    private static Object apiFormatIn(final ClassLoader loader) throws Exception
    {
        return Class.forName(ErrorFormat.class.getName(), true, loader).getField("API").get(null);
    }

    /** This test's class path, with no parent that already holds the gateway's classes. */
    private static URLClassLoader freshLoader()
    {
        final URL[] path = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry ->
            {
                try
                {
                    return new File(entry).toURI().toURL();
                }
                catch (final java.net.MalformedURLException ex)
                {
                    throw new IllegalStateException(ex);
                }
            })
            .toArray(URL[]::new);
        return new URLClassLoader(path, ClassLoader.getPlatformClassLoader());
    }
}
