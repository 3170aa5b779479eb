package org.timestudy.analyzer.classify;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.timestudy.analyzer.clock.Method;
import org.timestudy.analyzer.clock.SampleStatus;
import org.timestudy.analyzer.clock.SeriesBuffer;

import java.util.Random;

class VerdictPropertiesTest
{
    private final Classifier classifier = new Classifier(new ClassifierConfig());

    @Property(tries = 300)
    void shouldNeverProduceNaNOrInfinityWhateverTheSamples(
        @ForAll @IntRange(min = 0, max = 120) final int n, @ForAll final long seed)
    {
        final Random random = new Random(seed);
        final SeriesBuffer buffer = new SeriesBuffer(4);
        final long base = random.nextLong() >> 2;
        for (int i = 0; i < n; i++)
        {
            final long t = base + (random.nextBoolean() ? i * 3_600_000_000_000L : random.nextLong() >> 8);
            switch (random.nextInt(6))
            {
                case 0 -> buffer.addNtp(t, random.nextLong() >> 2, random.nextLong() >> 30, random.nextInt(60) - 50,
                    random.nextInt(4) == 0 ? SampleStatus.UNSYNC : 0);
                case 1 -> buffer.addHttpDate(t, t + (random.nextLong() >> 34), random.nextLong() >> 30, 0);
                case 2 -> buffer.addHttpBoundary(t, random.nextLong() >> 3, random.nextLong() >> 40, 0, 0);
                case 3 -> buffer.addNoMeasurement(t, Method.NTP, SampleStatus.KOD, random.nextInt());
                case 4 -> buffer.addNtp(t, 0, 0, -20, 0);
                default -> buffer.addNtp(t, (long)(random.nextGaussian() * 1e9), 20_000_000L, -20, 0);
            }
        }
        ClassifierTest.assertFinite(classifier.classify(buffer));
    }
}
