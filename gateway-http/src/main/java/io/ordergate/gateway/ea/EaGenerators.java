package io.ordergate.gateway.ea;

import java.util.ServiceLoader;

/** Finds the generator {@code ea.generator} names: the built-in {@code template}, or one on the class path. Start-up only. */
final class EaGenerators
{
    private EaGenerators()
    {
    }

    static EaGenerator named(final String name)
    {
        if (TemplateGenerator.NAME.equals(name))
        {
            return new TemplateGenerator();
        }
        for (final EaGenerator generator : ServiceLoader.load(EaGenerator.class))
        {
            if (generator.name().equals(name))
            {
                return generator;
            }
        }
        throw new IllegalStateException("ea.generator: no EA generator named \"" + name + "\" is on the class path (the built-in one is \""
            + TemplateGenerator.NAME + "\")");
    }
}
