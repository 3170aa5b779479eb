package org.timestudy.targets.names;

import java.net.URI;
import java.time.Instant;

/**
 * One row of an ntp.org StratumOne/StratumTwo server list. The list pages do not carry hostnames: each row links
 * to the server's own page, which does.
 *
 * @param stratum      1 or 2, from the page.
 * @param country      ISO country code column (may be a continent or a number on the old pages).
 * @param location     where the server is.
 * @param sponsor      the "Host / Sponsor" column, empty when not given.
 * @param serviceArea  whom it serves.
 * @param accessPolicy open, restricted or closed.
 * @param notifyOwner  whether its owner wants to be told before use (the "Notify?" column).
 * @param lastModified when the row was last edited.
 * @param page         absolute link to the server's page.
 * @param line         line of the page where the row starts.
 */
public record NtpServerListing(
    int stratum,
    String country,
    String location,
    String sponsor,
    String serviceArea,
    AccessPolicy accessPolicy,
    boolean notifyOwner,
    Instant lastModified,
    URI page,
    int line)
{
}
