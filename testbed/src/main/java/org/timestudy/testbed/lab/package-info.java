/**
 * The lab itself: namespaces, veth, AnyIP routes, real servers on faked clocks, and the ground-truth manifest.
 */
package org.timestudy.testbed.lab;
