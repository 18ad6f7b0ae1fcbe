package io.ordergate.gateway.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.user.Role;
import io.ordergate.engine.user.UserBodies;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.gateway.onboarding.OnboardingRequests;

/** Every users and onboarding body: seed 002's and 003's shapes accepted, each mistake named by its field. */
class UserRequestsTest
{
    private final RequestReader in = new RequestReader();

    private interface Decoder<T>
    {
        T decode(RequestReader in, byte[] body, int length) throws BadRequest;
    }

    private <T> T decode(final Decoder<T> decoder, final String json) throws BadRequest
    {
        final byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(in, body, body.length);
    }

    private <T> BadRequest refused(final Decoder<T> decoder, final String json)
    {
        return assertThrows(BadRequest.class, () -> decode(decoder, json));
    }

    @Test
    void seed002sSignupAndLoginDecode() throws BadRequest
    {
        final UserRequests.Signup signup = decode(UserRequests::signup,
            "{\"email\": \"NewTrader@Example.com\", \"password\": \"SecurePass123!\", \"name\": \"John Trader\"}");
        assertEquals("newtrader@example.com", signup.email());
        assertEquals("newtrader@example.com", signup.username());
        assertEquals("John Trader", signup.name());
        assertEquals("Signup{newtrader@example.com}", signup.toString(), "no password in logs");
        assertEquals("ann", decode(UserRequests::signup, "{\"email\": \"ann@example.com\", \"password\": \"x\"}").name());

        final UserRequests.Login login = decode(UserRequests::login, "{\"email\": \"trader@example.com\", \"password\": \"SecurePass123!\"}");
        assertEquals("trader@example.com", login.login());
        assertEquals("", login.ipAddress());
    }

    @Test
    void seed003sLoginByUsernameWithDeviceInfoDecodes() throws BadRequest
    {
        final UserRequests.Login login = decode(UserRequests::login, "{\"username\": \"ann\", \"password\": \"pw\", "
            + "\"device_info\": {\"ip_address\": \"10.1.2.3\", \"user_agent\": \"Mozilla/5.0\", \"device_type\": \"desktop\"}}");
        assertEquals("ann", login.login());
        assertEquals("10.1.2.3", login.ipAddress());
        assertEquals("Mozilla/5.0", login.userAgent());
        assertEquals("desktop", login.deviceType());
    }

    @Test
    void aMalformedEmailAMissingPasswordOrAnUnknownFieldNamesItsField()
    {
        assertEquals("email", refused(UserRequests::signup, "{\"email\": \"not-an-email\", \"password\": \"SecurePass123!\"}").field());
        assertEquals("password", refused(UserRequests::signup, "{\"email\": \"a@example.com\"}").field());
        assertEquals("password", refused(UserRequests::signup, "{\"email\": \"a@example.com\", \"password\": 12345678901}").field());
        assertEquals("emial", refused(UserRequests::signup, "{\"emial\": \"a@example.com\", \"password\": \"x\"}").field());
        assertEquals("email", refused(UserRequests::login, "{\"password\": \"x\"}").field());
        assertEquals("device_info.os", refused(UserRequests::login, "{\"email\": \"a@example.com\", \"password\": \"x\", \"device_info\": {\"os\": 1}}").field());
        assertEquals(ResultCode.INVALID_JSON, refused(UserRequests::login, "{\"email\": ").code());
        assertEquals("refresh_token", refused(UserRequests::refresh, "{}").field());
        assertEquals("new_password", refused(UserRequests::resetComplete, "{\"token\": \"t\"}").field());
    }

    @Test
    void anAdminsNewUserAndChangeDecode() throws BadRequest
    {
        final AdminUserRequests.NewUser user = decode(AdminUserRequests::newUser,
            "{\"email\": \"v@example.com\", \"name\": \"V\", \"role\": \"Exporter\", \"account_ids\": [\"paper-1\"], \"password\": \"pw\"}");
        assertEquals(Role.EXPORTER, user.role());
        assertEquals(List.of("paper-1"), user.accountIds());
        assertEquals("role", refused(AdminUserRequests::newUser, "{\"email\": \"v@example.com\", \"role\": \"boss\", \"password\": \"pw\"}").field());
        assertEquals("account_ids", refused(AdminUserRequests::newUser,
            "{\"email\": \"v@example.com\", \"role\": \"viewer\", \"password\": \"pw\", \"account_ids\": [\"a\", \"a\"]}").field());

        final AdminUserRequests.UserChange change = decode(AdminUserRequests::change, "{\"disabled\": true, \"role\": \"viewer\"}");
        assertEquals(UserBodies.UPDATE_DISABLED | UserBodies.UPDATE_ROLE, change.mask());
        assertEquals(true, change.disabled());
        assertEquals("disabled", refused(AdminUserRequests::change, "{\"disabled\": \"yes\"}").field());
        assertEquals("disabled", refused(AdminUserRequests::change, "{\"disabled\": {\"a\": 1}}").field());
        assertEquals(null, refused(AdminUserRequests::change, "{}").field());
    }

    @Test
    void seed002sOnboardingBodiesDecode() throws BadRequest
    {
        final OnboardingRequests.Broker broker = decode(OnboardingRequests::broker,
            "{\"broker_name\": \"Exness Global\", \"account_number\": \"12345678\", \"account_type\": \"demo\", \"label\": \"My Demo Account\"}");
        assertEquals(UserBodies.ACCOUNT_TYPE_DEMO, broker.accountType());
        assertEquals("12345678", broker.accountNumber());
        assertEquals("12345678", decode(OnboardingRequests::broker, "{\"broker_name\": \"B\", \"account_number\": 12345678}").accountNumber());
        assertEquals("account_type", refused(OnboardingRequests::broker, "{\"broker_name\": \"B\", \"account_number\": \"1\", \"account_type\": \"paper\"}").field());
        assertEquals("broker_name", refused(OnboardingRequests::broker, "{\"account_number\": \"1\"}").field());

        final OnboardingRequests.Preferences preferences = decode(OnboardingRequests::preferences,
            "{\"risk_percent\": 1.0, \"disclaimer_accepted\": true, \"preferred_pairs\": [\"EURUSD\", \"gbpusd\", \"XAUUSD\"]}");
        assertEquals(100_000_000L, preferences.wireRiskPercent());
        assertEquals(true, preferences.disclaimerAccepted());
        assertEquals(List.of("EURUSD", "GBPUSD", "XAUUSD"), preferences.preferredPairs());
        assertEquals("risk_percent", refused(OnboardingRequests::preferences, "{\"risk_percent\": -1, \"disclaimer_accepted\": true}").field());
        assertEquals("disclaimer_accepted", refused(OnboardingRequests::preferences, "{\"risk_percent\": 1}").field());
    }
}
