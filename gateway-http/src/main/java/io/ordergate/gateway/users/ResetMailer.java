package io.ordergate.gateway.users;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.ordergate.config.SmtpConfig;
import io.ordergate.gateway.core.DaemonThreads;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends password-reset mail through the configured SMTP server (Jakarta Mail, Eclipse Angus) on its own thread,
 * {@code og-mail}: SMTP is network I/O and never runs on an event loop, the engine or the reply stage. A failure
 * is logged with the recipient and the server's reason, never the token. Thread safe.
 */
public final class ResetMailer implements AutoCloseable
{
    private static final Logger LOG = Logger.getLogger(ResetMailer.class.getName());

    private final SmtpConfig smtp;
    private final String resetLink;
    private final int ttlMinutes;
    private final Session session;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(DaemonThreads.named("og-mail"));

    public ResetMailer(final SmtpConfig smtp, final String resetLink, final int ttlSeconds)
    {
        this.smtp = smtp;
        this.resetLink = resetLink;
        this.ttlMinutes = Math.max(1, ttlSeconds / 60);
        this.session = Session.getInstance(properties(smtp), smtp.username().isEmpty() ? null : new Authenticator()
        {
            @Override
            protected PasswordAuthentication getPasswordAuthentication()
            {
                return new PasswordAuthentication(smtp.username(), smtp.password());
            }
        });
    }

    /** Whether an SMTP server is configured; without one an admin issues reset tokens instead. */
    public boolean enabled()
    {
        return smtp.enabled();
    }

    /** Sends the token to {@code email}; the future completes on og-mail, false if the server refused or failed. */
    public CompletableFuture<Boolean> send(final String email, final String name, final String token)
    {
        return CompletableFuture.supplyAsync(() ->
        {
            try
            {
                final MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(smtp.from()));
                // unparsed: InternetAddress's parser refuses a non-ASCII local part unless a JVM-wide property is set
                final String mailbox = Fields.withAsciiDomain(email);
                if (mailbox == null)
                {
                    throw new MessagingException("the address's domain has no ASCII form");
                }
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(mailbox, null, "UTF-8"));
                message.setSubject("Reset your Ordergate password", "UTF-8");
                message.setText(body(name, token), "UTF-8");
                message.saveChanges();
                try (Transport transport = session.getTransport())
                {
                    transport.connect();
                    requireUtf8Support(transport, mailbox);
                    transport.sendMessage(message, message.getAllRecipients());
                }
                return true;
            }
            catch (final MessagingException | UnsupportedEncodingException | RuntimeException ex)
            {
                LOG.log(Level.WARNING, () -> "password reset mail to " + email + " not sent: " + ex.getMessage());
                return false;
            }
        }, sender);
    }

    /**
     * A non-ASCII local part goes in UTF-8 (RFC 6531), which only a server offering SMTPUTF8 takes as it is: to another,
     * the mail is not sent (a clear failure, logged) rather than sent to a mailbox the server would read mangled.
     */
    private static void requireUtf8Support(final Transport transport, final String email) throws MessagingException
    {
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(email) && !((SMTPTransport)transport).supportsExtension("SMTPUTF8"))
        {
            throw new MessagingException("the SMTP server does not offer SMTPUTF8, which a non-ASCII address needs");
        }
    }

    private String body(final String name, final String token)
    {
        return "Hello" + (name == null || name.isBlank() ? "" : " " + name) + ",\n\n"
            + "someone asked to reset the password of your Ordergate account. If it was you, use this within "
            + ttlMinutes + " minutes:\n\n    " + resetLink + token + "\n\n"
            + "(POST /api/v1/auth/password/reset/complete with {\"token\", \"new_password\"}.) It works once.\n"
            + "If it was not you, ignore this mail: your password stays as it is.\n";
    }

    private static Properties properties(final SmtpConfig smtp)
    {
        final Properties props = new Properties();
        // addresses and headers in UTF-8 where needed, and SMTPUTF8 asked for whenever the server offers it
        props.put("mail.mime.allowutf8", "true");
        final String protocol = "tls".equals(smtp.security()) ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", smtp.host());
        props.put("mail." + protocol + ".port", String.valueOf(smtp.port()));
        props.put("mail." + protocol + ".auth", String.valueOf(!smtp.username().isEmpty()));
        props.put("mail." + protocol + ".connectiontimeout", String.valueOf(smtp.timeoutMillis()));
        props.put("mail." + protocol + ".timeout", String.valueOf(smtp.timeoutMillis()));
        props.put("mail." + protocol + ".writetimeout", String.valueOf(smtp.timeoutMillis()));
        if ("starttls".equals(smtp.security()))
        {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if ("tls".equals(smtp.security()))
        {
            props.put("mail.smtps.ssl.checkserveridentity", "true");
        }
        return props;
    }

    @Override
    public void close()
    {
        sender.shutdown();
        try
        {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
