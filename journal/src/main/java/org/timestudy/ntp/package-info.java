/**
 * NTP arithmetic and field decoding (RFC 5905), shared by the engine and the analyzer.
 */
package org.timestudy.ntp;
