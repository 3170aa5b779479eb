package org.timestudy.targets.names;

/**
 * Access policy of a server on the ntp.org server lists.
 */
public enum AccessPolicy
{
    /** "OpenAccess": anyone may use it. */
    OPEN,
    /** "RestrictedAccess": use within the conditions its owner states. */
    RESTRICTED,
    /** "ClosedAccess": not for public use. */
    CLOSED;

    /**
     * @param text the list's wording, e.g. {@code OpenAccess}.
     * @return the policy.
     * @throws IllegalArgumentException for any other wording.
     */
    public static AccessPolicy parse(final String text)
    {
        return switch (text)
        {
            case "OpenAccess" -> OPEN;
            case "RestrictedAccess" -> RESTRICTED;
            case "ClosedAccess" -> CLOSED;
            default -> throw new IllegalArgumentException("unknown access policy: '" + text + "'");
        };
    }
}
