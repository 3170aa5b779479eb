/**
 * IPv4 and IPv6 addresses as primitive values, sets of IPv4 ranges indexed for the walk, and the one parser of
 * address list files (targets, allowlists, blocklists).
 */
package org.timestudy.targets.address;
