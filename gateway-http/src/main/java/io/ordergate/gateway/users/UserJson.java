package io.ordergate.gateway.users;

import io.ordergate.engine.user.SessionView;
import io.ordergate.engine.user.UserView;
import io.ordergate.engine.view.JsonWriter;

/** How the users routes write users, sessions, token pairs and seed 003's envelope. Stateless. */
public final class UserJson
{
    private UserJson()
    {
    }

    /** A user as the admin routes show it (never its password hash). */
    public static JsonWriter user(final JsonWriter json, final UserView user)
    {
        json.startObject()
            .name("user_id").string(user.id())
            .name("email").string(user.email())
            .name("username").string(user.username())
            .name("name").string(user.name())
            .name("role").string(user.role().wireName());
        permissions(json.name("permissions"), user);
        json.name("account_ids").startArray();
        for (final String account : user.accountIds())
        {
            json.string(account);
        }
        json.endArray()
            .name("disabled").bool(user.disabled())
            .name("onboarded").bool(user.onboarded())
            .name("created_at").time(user.createdMicros())
            .name("updated_at").time(user.updatedMicros());
        return json.endObject();
    }

    /** API.md's sign-in answer: both tokens, the user and its context (seeds 002 and 003). */
    public static JsonWriter tokens(final JsonWriter json, final TokenService.Pair pair, final UserView user)
    {
        json.startObject()
            .name("access_token").string(pair.accessToken())
            .name("refresh_token").string(pair.refreshToken())
            .name("token_type").string("bearer")
            .name("expires_in").number(pair.expiresInSeconds())
            .name("user").startObject()
            .name("id").string(user.id())
            .name("email").string(user.email())
            .name("name").string(user.name())
            .name("created_at").time(user.createdMicros())
            .endObject();
        context(json.name("user_context"), user);
        return json.endObject();
    }

    /** {@code {"user_id", "username", "role", "permissions"}}, and the email for {@code /auth/me}. */
    public static JsonWriter context(final JsonWriter json, final UserView user)
    {
        json.startObject()
            .name("user_id").string(user.id())
            .name("username").string(user.username())
            .name("email").string(user.email())
            .name("role").string(user.role().wireName());
        permissions(json.name("permissions"), user);
        return json.endObject();
    }

    public static JsonWriter permissions(final JsonWriter json, final UserView user)
    {
        json.startArray();
        for (final String permission : user.role().permissions())
        {
            json.string(permission);
        }
        return json.endArray();
    }

    /** A session of {@code GET /api/v1/auth/sessions}. */
    public static JsonWriter session(final JsonWriter json, final SessionView session, final boolean current)
    {
        return json.startObject()
            .name("session_id").string(session.id())
            .name("created_at").time(session.createdMicros())
            .name("last_refreshed_at").time(session.refreshedMicros())
            .name("current").bool(current)
            .name("device_info").startObject()
            .name("ip_address").string(session.ipAddress())
            .name("user_agent").string(session.userAgent())
            .name("device_type").string(session.deviceType())
            .endObject()
            .endObject();
    }

    /** Seed 003's envelope: {@code {"success": true, "message", "data": {...}}}; the caller writes data's fields, then ends twice. */
    public static JsonWriter envelope(final JsonWriter json, final String message)
    {
        return json.startObject().name("success").bool(true).name("message").string(message).name("data").startObject();
    }

    /** Ends the data object and the envelope, with the timestamp seed 003 puts in every data. */
    public static JsonWriter endEnvelope(final JsonWriter json, final long nowMicros)
    {
        return json.name("timestamp").time(nowMicros).endObject().endObject();
    }
}
