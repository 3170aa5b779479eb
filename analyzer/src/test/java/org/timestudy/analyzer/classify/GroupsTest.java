package org.timestudy.analyzer.classify;

import org.junit.jupiter.api.Test;
import org.timestudy.analyzer.clock.Method;
import org.timestudy.analyzer.clock.SampleStatus;
import org.timestudy.analyzer.clock.SeriesBuffer;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.timestudy.analyzer.classify.HandSeries.HOUR;
import static org.timestudy.analyzer.classify.HandSeries.SECOND;
import static org.timestudy.analyzer.classify.HandSeries.START;
import static org.timestudy.analyzer.classify.HandSeries.constant;
import static org.timestudy.analyzer.classify.HandSeries.drift;
import static org.timestudy.analyzer.classify.HandSeries.http;
import static org.timestudy.analyzer.classify.HandSeries.ntp;

class GroupsTest
{
    private final Classifier classifier = new Classifier(new ClassifierConfig());

    @Test
    void shouldAgreeWhenEveryAddressBehindANameIsSynced()
    {
        final Groups.NameAgreement a = Groups.compareName(List.of(
            classifier.classify(ntp(48, HOUR, 1, constant(0))),
            classifier.classify(ntp(48, HOUR, 2, constant(2_000_000))),
            classifier.classify(http(48, HOUR, 3, constant(0)))));

        assertThat(a.agree()).isTrue();
        assertThat(a.measured()).isEqualTo(3);
        assertThat(a.disagreeing()).isEmpty();
        assertThat(a.spreadNs()).isLessThan(100_000_000L);
    }

    @Test
    void shouldNameTheAddressThatIsAnHourOff()
    {
        final Groups.NameAgreement a = Groups.compareName(List.of(
            classifier.classify(ntp(48, HOUR, 4, constant(0))),
            classifier.classify(ntp(48, HOUR, 5, constant(3600 * SECOND))),
            classifier.classify(ntp(48, HOUR, 6, constant(1_000_000)))));

        assertThat(a.agree()).isFalse();
        assertThat(a.disagreeing()).containsExactly(1);
        assertThat(a.spreadNs()).isBetween(3599 * SECOND, 3601 * SECOND);
    }

    @Test
    void shouldCompareNtpAndHttpClocksAtTheSameTime()
    {
        final Verdict ntp = classifier.classify(ntp(72, HOUR, 7, drift(20 * SECOND, 30)));
        final Verdict http = classifier.classify(http(60, HOUR, 8, drift(20 * SECOND, 30)));
        final Groups.MethodAgreement same = Groups.compareMethods(ntp, http);
        final Groups.MethodAgreement other = Groups.compareMethods(ntp,
            classifier.classify(http(60, HOUR, 9, constant(0))));

        assertThat(same.compared()).isTrue();
        assertThat(same.agree()).isTrue();
        assertThat(same.sameClass()).isTrue();
        assertThat(Math.abs(same.differenceNs())).isLessThan(SECOND);
        assertThat(other.agree()).isFalse();
        assertThat(other.differenceNs()).isLessThan(-20 * SECOND);
    }

    @Test
    void shouldFlagWrongAndUnsynchronisedReferenceServers()
    {
        final Verdict good = classifier.classify(ntp(48, HOUR, 10, constant(0)));
        final Verdict off = classifier.classify(ntp(48, HOUR, 11, constant(37 * SECOND)));
        final SeriesBuffer unsync = new SeriesBuffer(48);
        final Random random = new Random(12);
        for (int i = 0; i < 48; i++)
        {
            unsync.addNtp(START + i * HOUR, (long)(random.nextGaussian() * 1e6), 20_000_000L, -20, SampleStatus.UNSYNC);
        }
        final SeriesBuffer silent = new SeriesBuffer(4).addNoMeasurement(START, Method.NTP, SampleStatus.SILENT, 0);
        final List<Verdict> verdicts = List.of(good, off, classifier.classify(unsync), classifier.classify(silent));

        assertThat(Groups.checkReference(good, 1)).isEqualTo(Groups.ReferenceStatus.OK);
        assertThat(Groups.checkReference(off, 1)).isEqualTo(Groups.ReferenceStatus.WRONG);
        assertThat(Groups.checkReference(verdicts.get(2), 2)).isEqualTo(Groups.ReferenceStatus.UNSYNCHRONISED);
        assertThat(Groups.checkReference(verdicts.get(3), 1)).isEqualTo(Groups.ReferenceStatus.UNUSABLE);
        assertThat(Groups.wrongReferences(verdicts, new int[] {1, 1, 2, 1})).containsExactly(1, 2);
    }
}
