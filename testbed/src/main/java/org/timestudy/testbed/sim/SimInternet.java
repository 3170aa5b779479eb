package org.timestudy.testbed.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.timestudy.nativeio.NetworkInterfaceInfo;
import org.timestudy.targets.address.AddressRange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The simulated Internet: one process on the lab's internet side that answers for every address of a large range,
 * each with the clock and behaviour its {@link org.timestudy.testbed.clock.Population} model gives it. Runs the NTP
 * responder on its own thread and writes its counters to a JSON status file once a second.
 *
 * <pre>
 *   SimInternet --interface IF --space 198.18.0.0/16 --seed S --mix lab --epoch-ns E --timescale T --status FILE
 *               [--cert PEM --key PEM] [--http-threads N]
 * </pre>
 *
 * HTTP (TCP 80, and 443 when a certificate is given) is answered by {@link HttpResponder}.
 */
public final class SimInternet
{
    private SimInternet()
    {
    }

    /**
     * @param args see the class comment.
     * @throws Exception when it cannot start.
     */
    public static void main(final String[] args) throws Exception
    {
        final Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2)
        {
            a.put(args[i], args[i + 1]);
        }
        final SimSpec spec = new SimSpec(Long.parseLong(a.get("--seed")), a.getOrDefault("--mix", "lab"),
            a.get("--space"), Long.parseLong(a.get("--epoch-ns")), Double.parseDouble(a.get("--timescale")));
        final Path status = Path.of(a.get("--status"));
        final String interfaceName = a.get("--interface");
        final AddressRange range = AddressRange.parse(spec.space());
        final SimCounters counters = new SimCounters();
        final NtpResponder ntp = new NtpResponder(interfaceName, NetworkInterfaceInfo.of(interfaceName).mac(),
            range.first(), range.size(), spec.population(), counters);
        final AgentRunner runner = new AgentRunner(new BackoffIdleStrategy(100, 10, 1_000, 50_000),
            Throwable::printStackTrace, null, ntp);
        AgentRunner.startOnThread(runner);
        final HttpResponder http = new HttpResponder(spec.population(), range, 80, a.containsKey("--cert") ? 443 : 0,
            a.containsKey("--cert") ? Path.of(a.get("--cert")) : null,
            a.containsKey("--key") ? Path.of(a.get("--key")) : null,
            Integer.parseInt(a.getOrDefault("--http-threads", "2")), counters);
        final CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            stop.countDown();
            runner.close();
            http.close();
        }));
        final long started = System.nanoTime();
        final ObjectMapper json = new ObjectMapper();
        while (stop.getCount() > 0)
        {
            final Map<String, Object> s = new LinkedHashMap<>();
            s.put("time", Instant.now().toString());
            s.put("uptimeS", (System.nanoTime() - started) / 1e9);
            s.put("spec", spec);
            s.put("counters", counters.snapshot());
            final Path tmp = status.resolveSibling(status.getFileName() + ".tmp");
            Files.writeString(tmp, json.writeValueAsString(s));
            Files.move(tmp, status, StandardCopyOption.ATOMIC_MOVE);
            stop.await(1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /**
     * Reads a status file.
     *
     * @param file the status file.
     * @return its counters by name.
     * @throws IOException when unreadable.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Long> counters(final Path file) throws IOException
    {
        final Map<String, Object> s = new ObjectMapper().readValue(file.toFile(), Map.class);
        final Map<String, Long> out = new LinkedHashMap<>();
        ((Map<String, Object>)s.get("counters")).forEach((k, v) -> out.put(k, ((Number)v).longValue()));
        return out;
    }
}
