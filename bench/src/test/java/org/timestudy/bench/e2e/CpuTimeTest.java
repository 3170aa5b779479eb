package org.timestudy.bench.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuTimeTest
{
    @Test
    void shouldReadTheWaitedForChildrenFromTheWrappersStatLineWhateverTheCommandName()
    {
        final String output = "zmap says hello\n" + CpuTime.MARKER +
            "4242 (s h) (x) S 1 4242 4242 0 -1 4194304 100 200 0 0 3 4 250 75 20 0 1 0 1 2 3\nmore\n";
        assertThat(CpuTime.childrenSecondsIn(output)).isEqualTo(3.25);
        assertThat(CpuTime.childrenSecondsIn("no marker")).isNaN();
    }

    @Test
    void shouldReadThisProcesssOwnTimeAndTheMachinesBusyTime()
    {
        assertThat(CpuTime.processSeconds(ProcessHandle.current().pid())).isGreaterThanOrEqualTo(0);
        assertThat(CpuTime.machineBusySeconds()).isPositive();
        assertThat(CpuTime.loadAverage1m()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void shouldReadAnInterfacesReceivedPackets()
    {
        final String netDev = "Inter-|   Receive |  Transmit\n face |bytes packets errs\n" +
            "    lo:       0       0    0    0    0     0          0         0        0       0    0    0    0\n" +
            "tlbench1n: 64152866  712811    0    0    0     0          0         0 63180977  699925    0    0\n";
        assertThat(SendWindow.parseReceivedPackets(netDev, "tlbench1n")).isEqualTo(712_811);
    }
}
