package org.timestudy.engine.validate;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SipHashTest
{
    private static final long K0 = 0x0706050403020100L;
    private static final long K1 = 0x0f0e0d0c0b0a0908L;

    @Test
    void shouldMatchThePapersTestVector()
    {
        // SipHash paper, appendix A: key 00..0f, message 00..0e (15 bytes).
        final byte[] message = new byte[15];
        for (int i = 0; i < message.length; i++)
        {
            message[i] = (byte)i;
        }
        assertThat(new SipHash(K0, K1).hash(message)).isEqualTo(0xa129ca6149be45e5L);
    }

    @Test
    void shouldMatchTheReferenceVectorsForEmptyAndSixteenBytes()
    {
        // Reference implementation's vectors_sip64[0] and [16], as little-endian 64-bit values.
        assertThat(new SipHash(K0, K1).hash(new byte[0])).isEqualTo(0x726fdb47dd0e0e31L);
        final byte[] sixteen = new byte[16];
        for (int i = 0; i < 16; i++)
        {
            sixteen[i] = (byte)i;
        }
        assertThat(new SipHash(K0, K1).hash(sixteen)).isEqualTo(new SipHash(K0, K1).hash(K0, K1));
    }

    @Test
    void shouldGiveTheSameMacFromTwoWordsAsFromSixteenBytes()
    {
        final SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++)
        {
            final SipHash h = new SipHash(r.nextLong(), r.nextLong());
            final long m0 = r.nextLong();
            final long m1 = r.nextLong();
            final byte[] bytes = new byte[16];
            for (int b = 0; b < 8; b++)
            {
                bytes[b] = (byte)(m0 >>> (8 * b));
                bytes[8 + b] = (byte)(m1 >>> (8 * b));
            }
            assertThat(h.hash(m0, m1)).isEqualTo(h.hash(bytes));
        }
    }
}
