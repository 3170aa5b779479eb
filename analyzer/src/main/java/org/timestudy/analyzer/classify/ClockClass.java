package org.timestudy.analyzer.classify;

/**
 * How a clock behaves (SCIENCE.md §3). A series gets exactly one; STEP is a change event, not a class.
 */
public enum ClockClass
{
    /** ≥ 95% of samples within max(u, τ) of true time. */
    SYNCED("SYNCED"),
    /** Off by a constant: R = 1 within 1 ppm, or within a 99% interval narrower than ±5 ppm. */
    OFFSET("OFFSET"),
    /** One line with |R − 1| ≥ 1 ppm, its 99% interval excluding 0. */
    DRIFT("DRIFT"),
    /** Drifting segments of similar slope separated by resets against the slope. */
    RESET_DRIFT("RESET+DRIFT"),
    /** Remote time does not advance: fitted R below 0.01 over ≥ 3 samples spanning ≥ 10 s. */
    STUCK("STUCK"),
    /** Several clocks behind one address, alternating between requests. */
    MULTI_CLOCK("MULTI-CLOCK"),
    /** Nothing above fits: residuals too large, or time running backwards. */
    ERRATIC("ERRATIC"),
    /** Too few samples or too short a span to decide. */
    INSUFFICIENT("INSUFFICIENT");

    private static final ClockClass[] VALUES = values();

    private final String label;

    ClockClass(final String label)
    {
        this.label = label;
    }

    /**
     * @return the name used in reports, e.g. "RESET+DRIFT".
     */
    public String label()
    {
        return label;
    }

    /**
     * @param label a report name or an enum name.
     * @return the class.
     * @throws IllegalArgumentException for an unknown name.
     */
    public static ClockClass parse(final String label)
    {
        for (final ClockClass c : VALUES)
        {
            if (c.label.equalsIgnoreCase(label) || c.name().equalsIgnoreCase(label))
            {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown clock class: " + label);
    }

    /**
     * @param ordinal an ordinal.
     * @return the class.
     */
    public static ClockClass of(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
