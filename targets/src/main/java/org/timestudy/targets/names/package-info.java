/**
 * Hostname targets: plain lists, CSV columns, and the ntp.org StratumOne/StratumTwo server list pages.
 */
package org.timestudy.targets.names;
