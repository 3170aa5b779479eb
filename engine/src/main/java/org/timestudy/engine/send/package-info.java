/**
 * The send path: target cursors, the rate limiter, and the send agent that builds frames and sends them in
 * sendmmsg batches.
 */
package org.timestudy.engine.send;
