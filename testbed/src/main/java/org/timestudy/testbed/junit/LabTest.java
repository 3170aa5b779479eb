package org.timestudy.testbed.junit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that runs in a lab of its own: {@link LabExtension} brings it up and down, and the class's
 * tests receive the {@link org.timestudy.testbed.lab.Lab} as a parameter. Tagged {@code lab}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LabExtension.class)
@Tag("lab")
public @interface LabTest
{
    /**
     * @return true to also run the simulated Internet (lab preset) on the lab's simulated space.
     */
    boolean simulation() default false;

    /**
     * @return seed of the simulated population.
     */
    long simulationSeed() default 42;
}
