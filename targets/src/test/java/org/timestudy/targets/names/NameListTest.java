package org.timestudy.targets.names;

import org.junit.jupiter.api.Test;
import org.timestudy.targets.TargetInputException;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NameListTest
{
    @Test
    void shouldReadPlainListsNormalisingAndDroppingDuplicates()
    {
        final NameList list = NameList.parsePlain(new StringReader(String.join("\n",
            "# pool servers",
            "Time.Example.ORG.",
            "",
            "ntp1.example.net   # stratum 1",
            "time.example.org",
            "192.0.2.7",
            "2001:DB8::0:1")), "names.txt");
        assertThat(list.names()).containsExactly("time.example.org", "ntp1.example.net", "192.0.2.7", "2001:db8::1");
        assertThat(list.duplicates()).isEqualTo(1);
        assertThat(list.entries().get(1)).isEqualTo(new NameEntry("ntp1.example.net", "names.txt", 4));
    }

    @Test
    void shouldNameFileAndLineOfBadNames()
    {
        assertThatThrownBy(() -> NameList.parsePlain(new StringReader(String.join("\n",
            "good.example",
            "bad..example",
            "-dash.example",
            "sp ace.example",
            "b\u00fccher.example",
            "2001:db8::/32")), "names.txt"))
            .isInstanceOf(TargetInputException.class)
            .hasMessageContaining("names.txt:2: hostname label must be 1-63 characters")
            .hasMessageContaining("names.txt:3: hostname label starts or ends with '-'")
            .hasMessageContaining("names.txt:4: hostname has a character other than")
            .hasMessageContaining("names.txt:5: ")
            .hasMessageContaining("names.txt:6: a name list takes addresses, not prefixes");
    }

    @Test
    void shouldTakeACsvColumnByHeaderNameWithQuotedFields()
    {
        final NameList list = NameList.parseCsv(new StringReader(String.join("\n",
            "rank,\"host name\",comment",
            "1,ntp.example.org,\"plain\"",
            "2,\"time.example.net\",\"has, a comma\"",
            "3,,\"empty host\"",
            "4,clock.example.com,\"spans",
            "two lines\"",
            "5,late.example.com,\"said \"\"hi\"\"\"")), "hosts.csv", "Host Name");
        assertThat(list.names()).containsExactly("ntp.example.org", "time.example.net", "clock.example.com",
            "late.example.com");
        assertThat(list.blanks()).isEqualTo(1);
        assertThat(list.entries().get(3).line()).isEqualTo(7);
    }

    @Test
    void shouldTakeACsvColumnByNumberWithoutHeader()
    {
        final NameList list = NameList.parseCsv(new StringReader("a.example,1\nb.example,2\n"), "f.csv", "1");
        assertThat(list.names()).containsExactly("a.example", "b.example");
    }

    @Test
    void shouldReportMissingColumnsAndUnclosedQuotes()
    {
        assertThatThrownBy(() -> NameList.parseCsv(new StringReader("a,b\n1,2\n"), "f.csv", "host"))
            .hasMessageContaining("f.csv:1: no column named 'host'");
        assertThatThrownBy(() -> NameList.parseCsv(new StringReader("x.example\ny.example,z\n"), "f.csv", "2"))
            .hasMessageContaining("f.csv:1: row has 1 columns, wanted column 2");
        assertThatThrownBy(() -> NameList.parseCsv(new StringReader("a.example\n\"b.example\n"), "f.csv", "1"))
            .hasMessageContaining("f.csv:2: quote never closed");
        assertThatThrownBy(() -> NameList.parseCsv(new StringReader("a\n"), "f.csv", "0"))
            .hasMessageContaining("numbered from 1");
    }
}
