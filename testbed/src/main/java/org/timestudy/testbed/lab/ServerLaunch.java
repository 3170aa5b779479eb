package org.timestudy.testbed.lab;

import java.util.List;
import java.util.Map;

/**
 * How to start one real server: its command, its environment, and the sockets that show it is ready.
 *
 * @param command  program and arguments.
 * @param env      extra environment (libfaketime settings).
 * @param listens  sockets it must be listening on, as {@code udp:ADDR:PORT} or {@code tcp:ADDR:PORT}.
 */
public record ServerLaunch(List<String> command, Map<String, String> env, List<String> listens)
{
}
