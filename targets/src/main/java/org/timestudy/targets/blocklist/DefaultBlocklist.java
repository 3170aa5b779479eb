package org.timestudy.targets.blocklist;

import org.timestudy.targets.address.AddressList;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The built-in blocklist: reserved and special-purpose ranges from the IANA registries (resource
 * {@value #RESOURCE}). Without it the IPv4 space is 2^32 addresses; with it, {@value #ALLOWED_IPV4} remain.
 * Only an explicit {@code --no-default-blocklist} turns it off.
 */
public final class DefaultBlocklist
{
    /** Class-path resource holding the list, in the address list format. */
    public static final String RESOURCE = "default-blocklist.conf";
    /** IPv4 addresses the default blocklist leaves of 2^32 (zmap's default list leaves the same). */
    public static final long ALLOWED_IPV4 = 3_702_258_432L;

    private static final AddressList LIST = load();

    private DefaultBlocklist()
    {
    }

    /**
     * @return the default blocklist: IPv4 ranges, and IPv6 prefixes for hostname mode.
     */
    public static AddressList list()
    {
        return LIST;
    }

    private static AddressList load()
    {
        try (InputStream in = DefaultBlocklist.class.getResourceAsStream(RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException("resource missing from the targets jar: " + RESOURCE);
            }
            return AddressList.parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
