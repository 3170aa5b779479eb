/**
 * HTTP Date parsing and formatting (RFC 9110 section 5.6.7) and the offset arithmetic of a Date reading (SCIENCE.md
 * section 1), shared by the engine, the analyzer and the lab.
 */
package org.timestudy.http;
