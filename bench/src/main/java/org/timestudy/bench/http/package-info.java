/**
 * End-to-end HTTP figures in the lab: hostname mode's addresses per second; the stateless mode's probes per second
 * and share of Dates captured, beside masscan.
 */
package org.timestudy.bench.http;
