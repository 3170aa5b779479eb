package org.timestudy.targets.dns;

import org.timestudy.targets.TargetInputException;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.targets.address.Ipv6Prefix;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * Resolves hostnames with dnsjava against one configured server (never the system's resolver implicitly): for each
 * name an A and an AAAA query, following CNAME chains, keeping for each address the chain that led to it. NXDOMAIN,
 * SERVFAIL, REFUSED and timeouts come back as {@link Resolution} results, not exceptions.
 */
public final class DnsResolver implements AutoCloseable
{
    /** Default time to wait for one answer, retries excluded, in ms. */
    public static final long DEFAULT_TIMEOUT_MS = 2_000;
    /** Default number of names resolved at once. */
    public static final int DEFAULT_PARALLELISM = 16;
    /** Longest CNAME chain followed. */
    public static final int MAX_CNAME_CHAIN = 16;
    /** Keyword for {@code --dns-server} that takes the first nameserver of /etc/resolv.conf. */
    public static final String SYSTEM = "system";

    private final SimpleResolver resolver;
    private final InetSocketAddress server;
    private final ExecutorService pool;

    private DnsResolver(final InetSocketAddress server, final long timeoutMs, final int parallelism)
    {
        this.server = server;
        this.resolver = new SimpleResolver(server);
        this.resolver.setTimeout(Duration.ofMillis(timeoutMs));
        this.pool = Executors.newFixedThreadPool(parallelism, r ->
        {
            final Thread t = new Thread(r, "dns-resolver");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param server      the DNS server: an IP address, optionally with a port ({@code 198.19.0.53},
     *                    {@code 198.19.0.53:5353}, {@code [2001:db8::53]:53}), or {@value #SYSTEM}.
     * @param timeoutMs   time to wait for one answer, in ms.
     * @param parallelism names resolved at once.
     * @return the resolver.
     * @throws TargetInputException if the server is not an IP address (no name lookup is made to find it).
     */
    public static DnsResolver using(final String server, final long timeoutMs, final int parallelism)
    {
        if (timeoutMs < 1 || parallelism < 1)
        {
            throw new TargetInputException("DNS timeout and parallelism must be positive");
        }
        return new DnsResolver(parseServer(server), timeoutMs, parallelism);
    }

    /**
     * Parses a DNS server address without any name lookup.
     *
     * @param text {@code ADDRESS}, {@code ADDRESS:PORT}, {@code [IPV6]:PORT}, or {@value #SYSTEM}.
     * @return the socket address (port 53 by default).
     */
    public static InetSocketAddress parseServer(final String text)
    {
        if (SYSTEM.equals(text))
        {
            return parseServer(systemNameserver());
        }
        String host = text;
        int port = SimpleResolver.DEFAULT_PORT;
        if (text.startsWith("["))
        {
            final int close = text.indexOf(']');
            if (close < 0)
            {
                throw new TargetInputException("not a DNS server address: '" + text + "'");
            }
            host = text.substring(1, close);
            if (close + 1 < text.length())
            {
                if (text.charAt(close + 1) != ':')
                {
                    throw new TargetInputException("not a DNS server address: '" + text + "'");
                }
                port = parsePort(text.substring(close + 2), text);
            }
        }
        else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') >= 0)
        {
            host = text.substring(0, text.indexOf(':'));
            port = parsePort(text.substring(text.indexOf(':') + 1), text);
        }
        try
        {
            final byte[] bytes;
            if (Ipv4.isAddress(host))
            {
                bytes = Ipv4.toBytes(Ipv4.parse(host));
            }
            else
            {
                final Ipv6Prefix p = Ipv6Prefix.parse(host);
                if (p.length() != 128)
                {
                    throw new IllegalArgumentException("a prefix");
                }
                bytes = new byte[16];
                for (int i = 0; i < 8; i++)
                {
                    bytes[i] = (byte)(p.high() >>> (56 - 8 * i));
                    bytes[i + 8] = (byte)(p.low() >>> (56 - 8 * i));
                }
            }
            return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
        }
        catch (final IllegalArgumentException | UnknownHostException ex)
        {
            throw new TargetInputException("the DNS server must be an IP address (optionally :port) or '" + SYSTEM +
                "': '" + text + "'");
        }
    }

    /**
     * @return the server queries go to.
     */
    public InetSocketAddress server()
    {
        return server;
    }

    /**
     * Resolves names, {@code parallelism} at a time.
     *
     * @param names hostnames or address literals.
     * @return one result per name, in the same order.
     */
    public List<Resolution> resolveAll(final List<String> names)
    {
        final List<Future<Resolution>> futures = new ArrayList<>(names.size());
        for (final String n : names)
        {
            futures.add(pool.submit(() -> resolve(n)));
        }
        final List<Resolution> out = new ArrayList<>(names.size());
        for (int i = 0; i < futures.size(); i++)
        {
            try
            {
                out.add(futures.get(i).get());
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while resolving", ex);
            }
            catch (final ExecutionException ex)
            {
                out.add(new Resolution(names.get(i), ResolutionStatus.ERROR, ResolutionStatus.ERROR, List.of(),
                    List.of(), String.valueOf(ex.getCause())));
            }
        }
        return out;
    }

    /**
     * Resolves one name: A and AAAA, following CNAMEs.
     *
     * @param name a hostname, or an address literal (returned as is, no query).
     * @return the result.
     */
    public Resolution resolve(final String name)
    {
        if (Ipv4.isAddress(name))
        {
            return new Resolution(name, ResolutionStatus.LITERAL, ResolutionStatus.LITERAL, List.of(),
                List.of(new ResolvedAddress(name, 4, name, List.of(), 0)), "");
        }
        if (name.indexOf(':') >= 0)
        {
            final String canonical = Ipv6Prefix.parse(name).toString();
            return new Resolution(name, ResolutionStatus.LITERAL, ResolutionStatus.LITERAL, List.of(),
                List.of(new ResolvedAddress(canonical, 6, name, List.of(), 0)), "");
        }
        final Name qname;
        try
        {
            qname = Name.fromString(name.endsWith(".") ? name : name + ".");
        }
        catch (final TextParseException ex)
        {
            return new Resolution(name, ResolutionStatus.ERROR, ResolutionStatus.ERROR, List.of(), List.of(),
                "not a DNS name: " + ex.getMessage());
        }
        final Lookup a = lookup(qname, Type.A);
        final Lookup aaaa = lookup(qname, Type.AAAA);
        final List<ResolvedAddress> addresses = new ArrayList<>(a.addresses);
        addresses.addAll(aaaa.addresses);
        final List<String> chain = a.chain.size() >= aaaa.chain.size() ? a.chain : aaaa.chain;
        final String detail = String.join("; ", List.of(a.detail, aaaa.detail).stream()
            .filter(d -> !d.isEmpty()).toList());
        return new Resolution(name, a.status, aaaa.status, chain, addresses, detail);
    }

    /** Stops the worker threads. */
    @Override
    public void close()
    {
        pool.shutdownNow();
    }

    private Lookup lookup(final Name qname, final int type)
    {
        final Lookup out = new Lookup();
        final Set<Name> visited = new HashSet<>();
        Name current = qname;
        visited.add(current);
        for (int queries = 0; ; queries++)
        {
            if (queries > MAX_CNAME_CHAIN)
            {
                out.status = ResolutionStatus.ERROR;
                out.detail = Type.string(type) + " " + qname + ": no answer at the end of the CNAME chain";
                return out;
            }
            final Message response;
            try
            {
                response = resolver.send(Message.newQuery(Record.newRecord(current, type, DClass.IN)));
            }
            catch (final IOException ex)
            {
                out.status = isTimeout(ex) ? ResolutionStatus.TIMEOUT : ResolutionStatus.ERROR;
                out.detail = Type.string(type) + " " + current + ": " + ex;
                return out;
            }
            final int rcode = response.getRcode();
            final List<Record> answer = response.getSection(Section.ANSWER);
            boolean followed = true;
            while (followed)
            {
                followed = false;
                for (final Record r : answer)
                {
                    if (r instanceof CNAMERecord c && r.getName().equals(current))
                    {
                        current = c.getTarget();
                        if (!visited.add(current) || out.chain.size() >= MAX_CNAME_CHAIN)
                        {
                            out.status = ResolutionStatus.ERROR;
                            out.detail = Type.string(type) + " " + qname + ": CNAME loop or chain longer than " +
                                MAX_CNAME_CHAIN;
                            return out;
                        }
                        out.chain.add(strip(current));
                        followed = true;
                    }
                }
            }
            for (final Record r : answer)
            {
                if (r.getType() == type && r.getName().equals(current))
                {
                    final InetAddress ip = r instanceof ARecord ar ? ar.getAddress() : ((AAAARecord)r).getAddress();
                    out.addresses.add(new ResolvedAddress(text(ip), type == Type.A ? 4 : 6, strip(current),
                        out.chain, r.getTTL()));
                }
            }
            if (!out.addresses.isEmpty())
            {
                out.status = ResolutionStatus.OK;
                return out;
            }
            if (rcode == Rcode.NOERROR && !out.chain.isEmpty() && hasNoRecordsFor(answer, current))
            {
                // The server gave the chain but not its end's records: ask for the end.
                continue;
            }
            out.status = switch (rcode)
            {
                case Rcode.NOERROR -> ResolutionStatus.NODATA;
                case Rcode.NXDOMAIN -> ResolutionStatus.NXDOMAIN;
                case Rcode.SERVFAIL -> ResolutionStatus.SERVFAIL;
                case Rcode.REFUSED -> ResolutionStatus.REFUSED;
                default -> ResolutionStatus.ERROR;
            };
            if (out.status != ResolutionStatus.NODATA)
            {
                out.detail = Type.string(type) + " " + strip(current) + ": " + Rcode.string(rcode);
            }
            return out;
        }
    }

    private boolean hasNoRecordsFor(final List<Record> answer, final Name owner)
    {
        for (final Record r : answer)
        {
            if (r.getName().equals(owner))
            {
                return false;
            }
        }
        return !answer.isEmpty();
    }

    private static boolean isTimeout(final Throwable ex)
    {
        for (Throwable t = ex; t != null; t = t.getCause())
        {
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException ||
                (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out")))
            {
                return true;
            }
        }
        return false;
    }

    private static String text(final InetAddress ip)
    {
        final byte[] b = ip.getAddress();
        return b.length == 4 ? Ipv4.format(Ipv4.fromBytes(b)) : Ipv6Prefix.ofAddress(b).toString();
    }

    private static String strip(final Name n)
    {
        final String s = n.toString();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static int parsePort(final String text, final String whole)
    {
        try
        {
            final int port = Integer.parseInt(text);
            if (port < 1 || port > 65535)
            {
                throw new NumberFormatException();
            }
            return port;
        }
        catch (final NumberFormatException ex)
        {
            throw new TargetInputException("bad port in DNS server address: '" + whole + "'");
        }
    }

    private static String systemNameserver()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/etc/resolv.conf")))
            {
                final String[] words = line.strip().split("\\s+");
                if (words.length >= 2 && words[0].equals("nameserver"))
                {
                    return words[1].contains(":") && !words[1].startsWith("[") ? "[" + words[1] + "]" : words[1];
                }
            }
        }
        catch (final IOException ex)
        {
            throw new TargetInputException("cannot read /etc/resolv.conf for --dns-server system: " + ex.getMessage());
        }
        throw new TargetInputException("no nameserver line in /etc/resolv.conf for --dns-server system");
    }

    private static final class Lookup
    {
        private final List<String> chain = new ArrayList<>();
        private final List<ResolvedAddress> addresses = new ArrayList<>();
        private ResolutionStatus status = ResolutionStatus.ERROR;
        private String detail = "";
    }
}
