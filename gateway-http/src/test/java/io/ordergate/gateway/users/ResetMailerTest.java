package io.ordergate.gateway.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.SmtpConfig;
import jakarta.mail.internet.MimeMessage;

/** The reset mail goes through a real SMTP server (GreenMail, in process, on an ephemeral loopback port). */
class ResetMailerTest
{
    private GreenMail smtp;

    @BeforeEach
    void start()
    {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop()
    {
        smtp.stop();
    }

    @Test
    void theTokenArrivesByMailToTheUserFromTheConfiguredSender() throws Exception
    {
        final SmtpConfig config = ConfigLoader.demo().smtp().withServer("127.0.0.1", smtp.getSmtp().getPort());
        try (ResetMailer mailer = new ResetMailer(config, "https://app.example/reset?token=", 3600))
        {
            assertTrue(mailer.enabled());
            final String token = ResetTokens.newToken();
            assertTrue(mailer.send("ann@example.com", "Ann", token).get(20, TimeUnit.SECONDS));
            assertTrue(smtp.waitForIncomingEmail(10_000, 1));
            final MimeMessage mail = smtp.getReceivedMessages()[0];
            assertEquals("ann@example.com", mail.getAllRecipients()[0].toString());
            assertEquals("ordergate@localhost", mail.getFrom()[0].toString());
            assertEquals("Reset your Ordergate password", mail.getSubject());
            final String body = GreenMailUtil.getBody(mail);
            assertTrue(body.contains("https://app.example/reset?token=" + token), body);
            assertTrue(body.contains("60 minutes"), body);
        }
    }

    @Test
    void aServerThatIsGoneIsAFailedSendNotAnException() throws Exception
    {
        final int port = smtp.getSmtp().getPort();
        smtp.stop();
        final SmtpConfig config = ConfigLoader.demo().smtp().withServer("127.0.0.1", port);
        try (ResetMailer mailer = new ResetMailer(config, "", 3600))
        {
            assertFalse(mailer.send("ann@example.com", "Ann", ResetTokens.newToken()).get(30, TimeUnit.SECONDS));
        }
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @Test
    void onlyTheTokensHashIsKeptAndItIsHexSha256()
    {
        final String token = ResetTokens.newToken();
        assertEquals(43, token.length());
        final String hash = ResetTokens.hash(token);
        assertEquals(64, hash.length());
        assertFalse(hash.contains(token));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ResetTokens.hash("abc"));
    }
}
