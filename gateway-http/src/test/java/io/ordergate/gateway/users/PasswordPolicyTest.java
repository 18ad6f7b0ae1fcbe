package io.ordergate.gateway.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest
{
    private final PasswordPolicy policy = new PasswordPolicy(10);

    @Test
    void aLongUncommonPasswordPasses()
    {
        assertNull(policy.problem("SecurePass123!", "ann@example.com", "ann"));
        assertNull(policy.problem("correct horse battery staple", "ann@example.com", "ann"));
    }

    @Test
    void aShortOrHugePasswordIsRefusedWithItsRule()
    {
        assertEquals("must be at least 10 characters", policy.problem("Sh0rt!pw", "ann@example.com", "ann"));
        assertEquals("is required", policy.problem("", "ann@example.com", "ann"));
        assertEquals("must be at most 256 characters", policy.problem("x".repeat(257), "ann@example.com", "ann"));
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCase()
    {
        assertTrue(policy.commonCount() > 1000);
        assertTrue(policy.problem("1234567890", "ann@example.com", "ann").contains("too common"));
        assertTrue(policy.problem("Password123", "ann@example.com", "ann").contains("too common"));
        assertTrue(policy.problem("QWERTYUIOP", "ann@example.com", "ann").contains("too common"));
    }

    @Test
    void theUsersOwnEmailOrNameIsRefused()
    {
        assertEquals("must not be your email or username", policy.problem("annabelle.lee@example.com", "annabelle.lee@example.com", "x"));
        assertEquals("must not be your email or username", policy.problem("annabelle.lee", "annabelle.lee@example.com", "x"));
    }
}
