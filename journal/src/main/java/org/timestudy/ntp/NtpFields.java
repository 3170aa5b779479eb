package org.timestudy.ntp;

import java.nio.charset.StandardCharsets;

/**
 * Meanings of NTP header fields (RFC 5905 section 7.3): the first byte's LI/VN/Mode, stratum classes, and the
 * reference identifier, which is ASCII at stratum 0 (Kiss-o'-Death code) and 1 (source), and an IPv4 address (or
 * the first four bytes of the MD5 of an IPv6 address) above.
 */
public final class NtpFields
{
    /** Mode of a client request. */
    public static final int MODE_CLIENT = 3;
    /** Mode of a server reply. */
    public static final int MODE_SERVER = 4;
    /** NTP version we send. */
    public static final int VERSION_4 = 4;
    /** Leap indicator meaning the clock is unsynchronised. */
    public static final int LI_UNSYNCHRONISED = 3;
    /** Stratum of a Kiss-o'-Death reply. */
    public static final int STRATUM_KISS_OF_DEATH = 0;
    /** Stratum meaning unsynchronised. */
    public static final int STRATUM_UNSYNCHRONISED = 16;
    /** Kiss code: access denied, stop querying. */
    public static final int KISS_DENY = ascii("DENY");
    /** Kiss code: access restricted, stop querying. */
    public static final int KISS_RSTR = ascii("RSTR");
    /** Kiss code: rate exceeded, back off. */
    public static final int KISS_RATE = ascii("RATE");

    private NtpFields()
    {
    }

    /**
     * @param firstByte LI/VN/Mode byte.
     * @return leap indicator, 0-3.
     */
    public static int leap(final int firstByte)
    {
        return (firstByte >> 6) & 0x3;
    }

    /**
     * @param firstByte LI/VN/Mode byte.
     * @return version number, 0-7.
     */
    public static int version(final int firstByte)
    {
        return (firstByte >> 3) & 0x7;
    }

    /**
     * @param firstByte LI/VN/Mode byte.
     * @return mode, 0-7.
     */
    public static int mode(final int firstByte)
    {
        return firstByte & 0x7;
    }

    /**
     * @param leap    leap indicator.
     * @param version version number.
     * @param mode    mode.
     * @return the LI/VN/Mode byte.
     */
    public static int firstByte(final int leap, final int version, final int mode)
    {
        return ((leap & 0x3) << 6) | ((version & 0x7) << 3) | (mode & 0x7);
    }

    /**
     * @param leap    leap indicator.
     * @param stratum stratum.
     * @return true when the server says it is not synchronised.
     */
    public static boolean unsynchronised(final int leap, final int stratum)
    {
        return leap == LI_UNSYNCHRONISED || stratum >= STRATUM_UNSYNCHRONISED;
    }

    /**
     * @param refid the reference id, as a big-endian 32-bit value.
     * @return its four bytes as ASCII text, trailing NULs and spaces removed, other bytes as {@code ?}.
     */
    public static String refidText(final int refid)
    {
        final StringBuilder sb = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            final int c = (refid >>> shift) & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? (char)c : (c == 0 ? '\0' : '?'));
        }
        int end = sb.length();
        while (end > 0 && (sb.charAt(end - 1) == '\0' || sb.charAt(end - 1) == ' '))
        {
            end--;
        }
        return sb.substring(0, end).replace('\0', '?');
    }

    /**
     * @param refid the reference id, as a big-endian 32-bit value.
     * @return dotted-quad text (above stratum 1 it names the upstream server, or hashes an IPv6 one).
     */
    public static String refidAddress(final int refid)
    {
        return ((refid >>> 24) & 0xFF) + "." + ((refid >>> 16) & 0xFF) + "." + ((refid >>> 8) & 0xFF) + "." +
            (refid & 0xFF);
    }

    /**
     * Decodes the refid the way its stratum says: text at stratum 0 (kiss code) and 1, an address above.
     *
     * @param stratum stratum of the reply.
     * @param refid   reference id, big-endian.
     * @return text for people.
     */
    public static String refid(final int stratum, final int refid)
    {
        return stratum <= 1 ? refidText(refid) : refidAddress(refid);
    }

    /**
     * @param text up to four ASCII characters.
     * @return them as a big-endian 32-bit value, NUL padded.
     */
    public static int ascii(final String text)
    {
        final byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        int v = 0;
        for (int i = 0; i < 4; i++)
        {
            v = (v << 8) | (i < b.length ? b[i] & 0xFF : 0);
        }
        return v;
    }
}
