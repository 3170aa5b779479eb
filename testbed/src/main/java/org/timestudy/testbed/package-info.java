/**
 * The lab: isolated network namespaces with real and simulated servers, where every engine test and benchmark runs.
 */
package org.timestudy.testbed;
