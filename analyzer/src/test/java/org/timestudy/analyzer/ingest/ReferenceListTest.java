package org.timestudy.analyzer.ingest;

import org.junit.jupiter.api.Test;
import org.timestudy.targets.TargetInputException;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceListTest
{
    @Test
    void shouldReadServersAndStrataWhenCommentsAndBlankLinesSurroundThem()
    {
        final ReferenceList list = ReferenceList.parse(new StringReader(
            "# server   stratum\n\n192.0.2.7 1   # GPS\n  ntp.example\t2\n"), "refs");
        assertEquals(List.of(new ReferenceList.Entry("192.0.2.7", 1, 0xC0000207),
            new ReferenceList.Entry("ntp.example", 2, null)), list.entries());
    }

    @Test
    void shouldNameEveryBadLineWhenSomeDoNotParse()
    {
        final TargetInputException ex = assertThrows(TargetInputException.class, () -> ReferenceList.parse(
            new StringReader("a.example\n# fine\nb.example x\nc.example 16\nd.example 1\n"), "refs"));
        assertTrue(ex.getMessage().contains("refs:1") && ex.getMessage().contains("refs:3") &&
            ex.getMessage().contains("refs:4") && !ex.getMessage().contains("refs:5"), ex.getMessage());
    }
}
