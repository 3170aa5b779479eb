/**
 * Stateless validation of replies: a per-scan keyed MAC (SipHash-2-4) in the value the protocol echoes back.
 */
package org.timestudy.engine.validate;
