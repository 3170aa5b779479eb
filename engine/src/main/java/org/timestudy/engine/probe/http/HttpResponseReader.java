package org.timestudy.engine.probe.http;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads an HTTP/1.x response's header block as bytes arrive, up to a cap, and finds in it what the study records:
 * the status, Date, Age, Cache-Control, Server, Via, Location, the cache-status headers, Connection. Never throws on
 * what a server sends: anything that is not a status line makes the response {@link #malformed()}, a block longer
 * than the cap is {@link #truncated()} and read as far as it goes. One instance per connection, reused with
 * {@link #reset()}; values are ranges into {@link #block()}.
 */
public final class HttpResponseReader
{
    /** Default cap on the header block, bytes (the HEADERS text of the journal record holds this much). */
    public static final int DEFAULT_MAX_HEADER_BYTES = 16_384;

    /** Header: Date. */
    public static final int DATE = 0;
    /** Header: Age. */
    public static final int AGE = 1;
    /** Header: Cache-Control. */
    public static final int CACHE_CONTROL = 2;
    /** Header: Server. */
    public static final int SERVER = 3;
    /** Header: Via. */
    public static final int VIA = 4;
    /** Header: Location. */
    public static final int LOCATION = 5;
    /** Header: Connection. */
    public static final int CONNECTION = 6;
    /** Header: Content-Length. */
    public static final int CONTENT_LENGTH = 7;
    private static final int FIELDS = 8;
    private static final String[] NAMES = {"date", "age", "cache-control", "server", "via", "location", "connection",
        "content-length"};
    /** Headers that say whether a cache answered (RFC 9211's Cache-Status and the common vendor ones). */
    private static final String[] CACHE_STATUS_NAMES = {"cache-status", "x-cache", "x-cache-status", "x-cache-hits",
        "cf-cache-status", "x-proxy-cache", "x-varnish-cache", "x-drupal-cache", "akamai-cache-status",
        "x-fastly-cache", "cdn-cache-status", "x-litespeed-cache", "x-nginx-cache", "x-cache-lookup"};
    private static final int MAX_CACHE_STATUS = 8;

    private final byte[] block;
    private final UnsafeBuffer view;
    private final UnsafeBuffer wrapper = new UnsafeBuffer(0, 0);
    private final int[] valueStart = new int[FIELDS];
    private final int[] valueEnd = new int[FIELDS];
    private final int[] cacheStatusLineStart = new int[MAX_CACHE_STATUS];
    private final int[] cacheStatusLineEnd = new int[MAX_CACHE_STATUS];
    private int cacheStatusCount;
    private int length;
    private int headerEnd = -1;
    private boolean truncated;
    private boolean malformed;
    private boolean parsed;
    private int status;
    private int reasonStart;
    private int reasonEnd;
    private int scanFrom;

    /**
     * @param maxHeaderBytes cap on the header block, bytes.
     */
    public HttpResponseReader(final int maxHeaderBytes)
    {
        this.block = new byte[maxHeaderBytes];
        this.view = new UnsafeBuffer(block);
        reset();
    }

    /** Forgets the response read so far. */
    public void reset()
    {
        length = 0;
        headerEnd = -1;
        truncated = false;
        malformed = false;
        parsed = false;
        status = 0;
        scanFrom = 0;
        cacheStatusCount = 0;
        for (int i = 0; i < FIELDS; i++)
        {
            valueStart[i] = -1;
            valueEnd[i] = -1;
        }
    }

    /**
     * Takes bytes of the response.
     *
     * @param src    holding them.
     * @param offset first byte.
     * @param count  bytes.
     * @return bytes consumed: up to the end of the header block (the rest belongs to the body or the next
     *         response), or all of them while the block is not complete.
     */
    public int onBytes(final DirectBuffer src, final int offset, final int count)
    {
        if (done())
        {
            return 0;
        }
        final int room = block.length - length;
        final int n = Math.min(room, count);
        src.getBytes(offset, block, length, n);
        length += n;
        final int end = findEnd();
        if (end >= 0)
        {
            final int consumed = n - (length - end);
            length = end;
            headerEnd = end;
            parse();
            return consumed;
        }
        if (length == block.length)
        {
            truncated = true;
            parse();
            return n;
        }
        if (length >= 8 && !looksLikeStatusLine())
        {
            malformed = true;
            parse();
        }
        return n;
    }

    /**
     * @param bytes  holding them.
     * @param offset first byte.
     * @param count  bytes.
     * @return bytes consumed (see {@link #onBytes(DirectBuffer, int, int)}).
     */
    public int onBytes(final byte[] bytes, final int offset, final int count)
    {
        wrapper.wrap(bytes);
        return onBytes(wrapper, offset, count);
    }

    /**
     * Ends the response where it stands (the connection closed, was reset or timed out): what was read is parsed.
     */
    public void finishEarly()
    {
        if (!parsed)
        {
            parse();
        }
    }

    /**
     * @return true when the header block is complete, capped, or known not to be HTTP.
     */
    public boolean done()
    {
        return headerEnd >= 0 || truncated || malformed;
    }

    /**
     * @return true when the whole header block, up to its blank line, was read.
     */
    public boolean complete()
    {
        return headerEnd >= 0;
    }

    /**
     * @return true when the header block went past the cap.
     */
    public boolean truncated()
    {
        return truncated;
    }

    /**
     * @return true when what came back does not start with an HTTP/1.x status line.
     */
    public boolean malformed()
    {
        return malformed || (parsed && status == 0);
    }

    /**
     * @return bytes read so far (the header block when complete).
     */
    public int length()
    {
        return length;
    }

    /**
     * @return true when no byte came back at all.
     */
    public boolean empty()
    {
        return length == 0;
    }

    /**
     * @return the status code, 0 before a status line was read.
     */
    public int status()
    {
        return status;
    }

    /**
     * @return the bytes read, wrapped (the header block from index 0).
     */
    public UnsafeBuffer block()
    {
        return view;
    }

    /**
     * @param field one of the header constants.
     * @return start of its value in {@link #block()}, -1 when absent.
     */
    public int valueStart(final int field)
    {
        return valueStart[field];
    }

    /**
     * @param field one of the header constants.
     * @return length of its value, 0 when absent.
     */
    public int valueLength(final int field)
    {
        return valueStart[field] < 0 ? 0 : valueEnd[field] - valueStart[field];
    }

    /**
     * @param field one of the header constants.
     * @return true when the header was present (possibly empty).
     */
    public boolean has(final int field)
    {
        return valueStart[field] >= 0;
    }

    /**
     * @return start of the status line's reason phrase.
     */
    public int reasonStart()
    {
        return reasonStart;
    }

    /**
     * @return length of the reason phrase.
     */
    public int reasonLength()
    {
        return Math.max(0, reasonEnd - reasonStart);
    }

    /**
     * @return cache-status header lines found ("Name: value").
     */
    public int cacheStatusCount()
    {
        return cacheStatusCount;
    }

    /**
     * @param i which one.
     * @return start of the i-th cache-status line in {@link #block()}.
     */
    public int cacheStatusStart(final int i)
    {
        return cacheStatusLineStart[i];
    }

    /**
     * @param i which one.
     * @return length of the i-th cache-status line.
     */
    public int cacheStatusLength(final int i)
    {
        return cacheStatusLineEnd[i] - cacheStatusLineStart[i];
    }

    /**
     * Parses the Date header, if any.
     *
     * @param date              the parser, left holding the result ({@link org.timestudy.http.HttpDateForm#MISSING}
     *                          when there is no Date header).
     * @param referenceEpochSec now, for RFC 850 years.
     * @return true when a valid Date was found.
     */
    public boolean parseDate(final org.timestudy.http.HttpDate date, final long referenceEpochSec)
    {
        if (!has(DATE))
        {
            date.missing();
            return false;
        }
        return date.parse(view, valueStart[DATE], valueLength(DATE), referenceEpochSec);
    }

    /**
     * @return the Age header as delta-seconds (capped at 2^31 - 1), -1 when absent or not a number.
     */
    public int ageSeconds()
    {
        if (!has(AGE) || valueLength(AGE) == 0)
        {
            return -1;
        }
        long v = 0;
        for (int i = valueStart[AGE]; i < valueEnd[AGE]; i++)
        {
            final int d = block[i] - '0';
            if (d < 0 || d > 9)
            {
                return -1;
            }
            v = Math.min(Integer.MAX_VALUE, v * 10 + d);
        }
        return (int)v;
    }

    /**
     * @return true when an Age header or a cache-status header saying HIT suggests a cache answered.
     */
    public boolean cached()
    {
        if (ageSeconds() >= 0)
        {
            return true;
        }
        for (int i = 0; i < cacheStatusCount; i++)
        {
            if (containsIgnoreCase(cacheStatusLineStart[i], cacheStatusLineEnd[i], "hit"))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return true when the response lets the connection be reused: HTTP/1.1 without "Connection: close".
     */
    public boolean keepAlive()
    {
        if (length < 8 || block[7] != '1')
        {
            return has(CONNECTION) && containsIgnoreCase(valueStart[CONNECTION], valueEnd[CONNECTION], "keep-alive");
        }
        return !(has(CONNECTION) && containsIgnoreCase(valueStart[CONNECTION], valueEnd[CONNECTION], "close"));
    }

    private boolean looksLikeStatusLine()
    {
        return block[0] == 'H' && block[1] == 'T' && block[2] == 'T' && block[3] == 'P' && block[4] == '/' &&
            block[5] == '1' && block[6] == '.';
    }

    /** The end of the header block: just after CRLF CRLF (or LF LF), or -1. */
    private int findEnd()
    {
        for (int i = Math.max(1, scanFrom); i < length; i++)
        {
            if (block[i] == '\n')
            {
                if (block[i - 1] == '\n')
                {
                    return i + 1;
                }
                if (i >= 2 && block[i - 1] == '\r' && block[i - 2] == '\n')
                {
                    return i + 1;
                }
            }
        }
        scanFrom = Math.max(1, length - 1);
        return -1;
    }

    private void parse()
    {
        parsed = true;
        if (length < 12 || !looksLikeStatusLine())
        {
            status = 0;
            return;
        }
        int lineEnd = lineEnd(0);
        // "HTTP/1.x SSS reason"
        if (block[8] != ' ' || !digit(9) || !digit(10) || !digit(11) ||
            (12 < lineEnd && block[12] != ' ' && block[12] != '\r'))
        {
            status = 0;
            return;
        }
        status = (block[9] - '0') * 100 + (block[10] - '0') * 10 + (block[11] - '0');
        reasonStart = Math.min(13, lineEnd);
        reasonEnd = trimEnd(reasonStart, lineEnd);
        int line = next(lineEnd);
        while (line < length)
        {
            lineEnd = lineEnd(line);
            if (lineEnd == line || (lineEnd == line + 1 && block[line] == '\r'))
            {
                break;
            }
            header(line, trimEnd(line, lineEnd));
            line = next(lineEnd);
        }
    }

    private void header(final int start, final int end)
    {
        int colon = -1;
        for (int i = start; i < end; i++)
        {
            if (block[i] == ':')
            {
                colon = i;
                break;
            }
        }
        if (colon <= start || block[start] == ' ' || block[start] == '\t')
        {
            return;
        }
        int vs = colon + 1;
        while (vs < end && (block[vs] == ' ' || block[vs] == '\t'))
        {
            vs++;
        }
        for (int f = 0; f < FIELDS; f++)
        {
            if (valueStart[f] < 0 && nameIs(start, colon, NAMES[f]))
            {
                valueStart[f] = vs;
                valueEnd[f] = end;
                return;
            }
        }
        if (cacheStatusCount < MAX_CACHE_STATUS)
        {
            for (final String name : CACHE_STATUS_NAMES)
            {
                if (nameIs(start, colon, name))
                {
                    cacheStatusLineStart[cacheStatusCount] = start;
                    cacheStatusLineEnd[cacheStatusCount] = end;
                    cacheStatusCount++;
                    return;
                }
            }
        }
    }

    private boolean nameIs(final int start, final int end, final String name)
    {
        if (end - start != name.length())
        {
            return false;
        }
        for (int i = 0; i < name.length(); i++)
        {
            if (lower(block[start + i]) != name.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private boolean containsIgnoreCase(final int start, final int end, final String needle)
    {
        for (int i = start; i + needle.length() <= end; i++)
        {
            int j = 0;
            while (j < needle.length() && lower(block[i + j]) == needle.charAt(j))
            {
                j++;
            }
            if (j == needle.length())
            {
                return true;
            }
        }
        return false;
    }

    private static int lower(final byte b)
    {
        return b >= 'A' && b <= 'Z' ? b + 32 : b & 0xFF;
    }

    private boolean digit(final int i)
    {
        return i < length && block[i] >= '0' && block[i] <= '9';
    }

    /** Index of the LF ending the line that starts at {@code start}, or {@link #length}. */
    private int lineEnd(final int start)
    {
        for (int i = start; i < length; i++)
        {
            if (block[i] == '\n')
            {
                return i;
            }
        }
        return length;
    }

    private int next(final int lineEnd)
    {
        return lineEnd + 1;
    }

    private int trimEnd(final int start, final int end)
    {
        int e = end;
        while (e > start && (block[e - 1] == '\r' || block[e - 1] == ' ' || block[e - 1] == '\t'))
        {
            e--;
        }
        return e;
    }
}
