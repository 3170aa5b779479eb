/**
 * The capture path: pcap4j on its own handle with kernel nanosecond timestamps, stateless validation, T1 from our
 * outgoing frames, and journaling.
 */
package org.timestudy.engine.capture;
