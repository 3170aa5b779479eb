/**
 * The head-to-head end-to-end benchmark: timestudy, zmap and masscan one after another in the lab against the
 * simulated Internet, counted on the wire by nftables on both ends of the veth, checked against the responder's truth.
 */
package org.timestudy.bench.e2e;
