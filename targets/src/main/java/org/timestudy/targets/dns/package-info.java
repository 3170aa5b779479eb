/**
 * DNS resolution of hostname targets through dnsjava against one configured server: every A and AAAA record, the
 * CNAME chain that led to it, and failures (NXDOMAIN, SERVFAIL, timeout) kept as results.
 */
package org.timestudy.targets.dns;
