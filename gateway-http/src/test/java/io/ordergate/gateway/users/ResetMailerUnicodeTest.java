package io.ordergate.gateway.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.SmtpConfig;
import io.ordergate.gateway.RecordedLog;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Reset mail to an address with a non-ASCII local part (RFC 6531/6532): sent with SMTPUTF8, its envelope and its To:
 * header in UTF-8, where the server offers SMTPUTF8; refused with a logged reason where it does not (GreenMail, which
 * reads commands as ASCII), rather than handed over to be delivered to a mangled mailbox.
 */
class ResetMailerUnicodeTest
{
    private static final String JOSE = "jos\u00e9@example.com";

    private RecordedLog logged;
    private GreenMail smtp;

    @BeforeEach
    void start()
    {
        logged = new RecordedLog(ResetMailer.class);
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop()
    {
        smtp.stop();
        logged.close();
    }

    private List<String> messages()
    {
        return logged.messages();
    }

    @Test
    void aServerWithoutSmtpUtf8GetsNoMailForANonAsciiMailboxAndTheReasonIsLogged() throws Exception
    {
        final SmtpConfig config = ConfigLoader.demo().smtp().withServer("127.0.0.1", smtp.getSmtp().getPort());
        try (ResetMailer mailer = new ResetMailer(config, "https://app.example/reset?token=", 3600))
        {
            assertFalse(mailer.send(JOSE, "Jos\u00e9", ResetTokens.newToken()).get(20, TimeUnit.SECONDS), "not sent");
            assertEquals(0, smtp.getReceivedMessages().length, "nothing handed over to land in a mangled mailbox");
            assertTrue(logged.records().stream().anyMatch(record -> record.getMessage().contains(JOSE) && record.getMessage().contains("SMTPUTF8")),
                "the log says to whom and why: " + messages());
            assertTrue(mailer.send("ann@example.com", "Ann", ResetTokens.newToken()).get(20, TimeUnit.SECONDS), "an ASCII address still goes");
            assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        }
    }

    @Test
    void anInternationalDomainGoesInItsAsciiFormSoAServerWithoutSmtpUtf8DeliversIt() throws Exception
    {
        final SmtpConfig config = ConfigLoader.demo().smtp().withServer("127.0.0.1", smtp.getSmtp().getPort());
        try (ResetMailer mailer = new ResetMailer(config, "https://app.example/reset?token=", 3600))
        {
            assertTrue(mailer.send("ann@b\u00fccher.example", "Ann", ResetTokens.newToken()).get(20, TimeUnit.SECONDS), "logged: " + messages());
            assertTrue(smtp.waitForIncomingEmail(10_000, 1));
            final MimeMessage mail = smtp.getReceivedMessages()[0];
            assertEquals("ann@xn--bcher-kva.example", mail.getHeader("To", null), "the domain's A-label (RFC 5890), what any server reads");
            assertEquals(1, smtp.getReceivedMessagesForDomain("ann@xn--bcher-kva.example").length, "delivered to that mailbox");
        }
    }

    @Test
    void aServerOfferingSmtpUtf8GetsTheMailWithTheMailboxAndTheToHeaderInUtf8() throws Exception
    {
        try (Utf8SmtpPeer peer = Utf8SmtpPeer.start())
        {
            final SmtpConfig config = ConfigLoader.demo().smtp().withServer("127.0.0.1", peer.port());
            try (ResetMailer mailer = new ResetMailer(config, "https://app.example/reset?token=", 3600))
            {
                final String token = ResetTokens.newToken();
                assertTrue(mailer.send(JOSE, "Jos\u00e9", token).get(20, TimeUnit.SECONDS), "logged: " + messages());
            }
            final Utf8SmtpPeer.Received mail = peer.received(10_000);
            assertTrue(mail.mailFrom().endsWith(" SMTPUTF8"), mail.mailFrom());
            assertEquals(List.of("RCPT TO:<" + JOSE + ">"), mail.rcptTo());
            assertTrue(mail.data().contains("\r\nTo: " + JOSE + "\r\n"), "the To: header names the mailbox as it is, in UTF-8: " + mail.data());
            final Properties utf8 = new Properties();
            utf8.put("mail.mime.allowutf8", "true");  // a reader of RFC 6532 headers
            final MimeMessage message = new MimeMessage(Session.getInstance(utf8), new ByteArrayInputStream(mail.data().getBytes(StandardCharsets.UTF_8)));
            assertEquals(JOSE, message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString());
            assertEquals("Reset your Ordergate password", message.getSubject());
        }
    }
}
