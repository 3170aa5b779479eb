package org.timestudy.engine.capture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class T1RingTest
{
    @Test
    void shouldFindT1AndCatchDuplicates()
    {
        final T1Ring ring = new T1Ring(1024);
        ring.onOutgoing(5, 1000);
        assertThat(ring.t1(5)).isEqualTo(1000);
        assertThat(ring.markAnswered(5)).isTrue();
        assertThat(ring.t1(5)).isEqualTo(1000);
        assertThat(ring.markAnswered(5)).isFalse();
    }

    @Test
    void shouldForgetProbesOlderThanItsCapacity()
    {
        final T1Ring ring = new T1Ring(1024);
        ring.onOutgoing(5, 1000);
        ring.onOutgoing(5 + ring.capacity(), 2000);
        assertThat(ring.t1(5)).isZero();
        assertThat(ring.t1(5 + ring.capacity())).isEqualTo(2000);
    }

    @Test
    void shouldCatchDuplicatesOfAProbeWhoseT1WasNotCaptured()
    {
        final T1Ring ring = new T1Ring(1024);
        assertThat(ring.t1(9)).isZero();
        assertThat(ring.markAnswered(9)).isTrue();
        assertThat(ring.markAnswered(9)).isFalse();
    }

    @Test
    void shouldBeSizedByRateTimesWindow()
    {
        assertThat(T1Ring.capacityFor(250_000, 8)).isEqualTo(2_000_000);
        assertThat(new T1Ring(T1Ring.capacityFor(250_000, 8)).capacity()).isEqualTo(1 << 21);
        assertThat(T1Ring.capacityFor(1e9, 100)).isEqualTo(1 << 26);
    }
}
