package org.timestudy.targets.names;

/**
 * One hostname target and where it came from.
 *
 * @param name   the normalised name (or an IP address literal, resolved to itself).
 * @param source file it was read from.
 * @param line   line number in that file, from 1.
 */
public record NameEntry(String name, String source, int line)
{
}
