package org.timestudy.targets;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommentedLinesTest
{
    @Test
    void shouldGiveEachEntryWithItsLineNumberWhenCommentsBlanksAndWhiteSpaceSurroundIt()
    {
        final String text = "# header\n\n  192.0.2.1  \r\nname.example # trailing comment\n\t\n#only\nlast";
        final List<String> seen = new ArrayList<>();
        CommentedLines.forEach(new StringReader(text), "t", (line, entry) -> seen.add(line + ":" + entry));
        assertEquals(List.of("3:192.0.2.1", "4:name.example", "7:last"), seen);
    }
}
