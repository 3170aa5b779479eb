package org.timestudy.nativeio;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A classic BPF program (struct sock_filter[]), built instruction by instruction, to attach to a packet socket.
 */
public final class BpfProgram
{
    /** BPF_LD|BPF_H|BPF_ABS: load the half-word at k. */
    public static final int LD_H_ABS = 0x28;
    /** BPF_LD|BPF_B|BPF_ABS: load the byte at k. */
    public static final int LD_B_ABS = 0x30;
    /** BPF_LD|BPF_W|BPF_ABS: load the word at k. */
    public static final int LD_W_ABS = 0x20;
    /** BPF_LD|BPF_H|BPF_IND: load the half-word at x + k. */
    public static final int LD_H_IND = 0x48;
    /** BPF_LDX|BPF_B|BPF_MSH: x = 4 * (byte at k & 0xf), the IPv4 header length. */
    public static final int LDX_B_MSH = 0xb1;
    /** BPF_JMP|BPF_JEQ|BPF_K. */
    public static final int JEQ_K = 0x15;
    /** BPF_JMP|BPF_JSET|BPF_K. */
    public static final int JSET_K = 0x45;
    /** BPF_JMP|BPF_JGE|BPF_K. */
    public static final int JGE_K = 0x35;
    /** BPF_ALU|BPF_AND|BPF_K. */
    public static final int AND_K = 0x54;
    /** BPF_RET|BPF_K. */
    public static final int RET_K = 0x06;

    private long[] code = new long[16];
    private int length;

    /**
     * Appends one instruction.
     *
     * @param opcode operation.
     * @param jt     jump offset when true.
     * @param jf     jump offset when false.
     * @param k      operand.
     * @return this.
     */
    public BpfProgram op(final int opcode, final int jt, final int jf, final int k)
    {
        if (length == code.length)
        {
            code = Arrays.copyOf(code, length * 2);
        }
        code[length++] = ((long)(opcode & 0xFFFF)) | ((long)(jt & 0xFF) << 16) | ((long)(jf & 0xFF) << 24) |
            ((k & 0xFFFF_FFFFL) << 32);
        return this;
    }

    /**
     * @return number of instructions.
     */
    public int length()
    {
        return length;
    }

    NativeBuffer toNative()
    {
        final NativeBuffer nb = new NativeBuffer(length * 8);
        final UnsafeBuffer b = nb.buffer();
        for (int i = 0; i < length; i++)
        {
            b.putShort(i * 8, (short)(code[i] & 0xFFFF), ByteOrder.nativeOrder());
            b.putByte(i * 8 + 2, (byte)((code[i] >>> 16) & 0xFF));
            b.putByte(i * 8 + 3, (byte)((code[i] >>> 24) & 0xFF));
            b.putInt(i * 8 + 4, (int)(code[i] >>> 32), ByteOrder.nativeOrder());
        }
        return nb;
    }

    /**
     * A filter for IPv4 UDP datagrams (first fragments or whole) to one destination port.
     *
     * @param port destination port.
     * @return the program.
     */
    public static BpfProgram udpToPort(final int port)
    {
        return new BpfProgram()
            .op(LD_H_ABS, 0, 0, 12)          // EtherType
            .op(JEQ_K, 0, 8, 0x0800)         // IPv4, else drop
            .op(LD_B_ABS, 0, 0, 23)          // protocol
            .op(JEQ_K, 0, 6, 17)             // UDP, else drop
            .op(LD_H_ABS, 0, 0, 20)          // flags + fragment offset
            .op(JSET_K, 4, 0, 0x1FFF)        // a later fragment: drop
            .op(LDX_B_MSH, 0, 0, 14)         // x = IP header length
            .op(LD_H_IND, 0, 0, 16)          // UDP destination port (14 + x + 2)
            .op(JEQ_K, 0, 1, port)           // match, else drop
            .op(RET_K, 0, 0, 0xFFFF)         // accept
            .op(RET_K, 0, 0, 0);             // drop
    }
}
