package io.ordergate.gateway.webhooksout;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.ordergate.config.secrets.MasterKeys;
import io.ordergate.config.secrets.SecretBox;

/**
 * Webhook secrets: made here (32 random bytes), shown once in the registration's answer, journaled only sealed
 * (AES-256-GCM under the master key, {@code ORDERGATE_MASTER_KEY} or {@code DATA_DIR/master.key}), and opened again
 * when the registration is replayed, since signing needs them. The master key is loaded on first use, once the data
 * directory exists. Thread safe.
 */
final class WebhookSecrets
{
    private static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;

    private final Path dataDir;
    private final Map<String, String> env;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretBox box;

    WebhookSecrets(final Path dataDir, final Map<String, String> env)
    {
        this.dataDir = dataDir;
        this.env = env;
    }

    String newSecret()
    {
        final byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new webhook id: {@code wh_} and 16 random base-32 characters. */
    String newWebhookId()
    {
        final String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        final StringBuilder id = new StringBuilder("wh_");
        for (int i = 0; i < 16; i++)
        {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    String seal(final String secret, final String webhookId)
    {
        return box().seal(secret, context(webhookId));
    }

    String open(final String sealed, final String webhookId)
    {
        return box().open(sealed, context(webhookId));
    }

    private static String context(final String webhookId)
    {
        return "webhook/" + webhookId + "/secret";
    }

    private SecretBox box()
    {
        SecretBox loaded = box;
        if (loaded == null)
        {
            synchronized (this)
            {
                loaded = box;
                if (loaded == null)
                {
                    loaded = new SecretBox(MasterKeys.load(env, dataDir));
                    box = loaded;
                }
            }
        }
        return loaded;
    }
}
