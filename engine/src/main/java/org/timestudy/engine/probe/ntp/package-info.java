/**
 * The NTP probe: a mode-3 request carrying the cookie in its transmit timestamp, and the decoding of replies.
 */
package org.timestudy.engine.probe.ntp;
