/**
 * JUnit 5 support for tests that run in the lab: {@link org.timestudy.testbed.junit.LabTest}.
 */
package org.timestudy.testbed.junit;
