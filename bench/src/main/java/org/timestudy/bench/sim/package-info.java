/**
 * The simulated Internet's own benchmark: how many NTP requests per second its responder answers, and where it
 * saturates, under a load generator that only sends.
 */
package org.timestudy.bench.sim;
