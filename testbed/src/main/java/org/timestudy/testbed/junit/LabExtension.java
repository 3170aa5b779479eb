package org.timestudy.testbed.junit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.timestudy.testbed.lab.Lab;

/**
 * Brings a lab up before a test class and down after it, and passes it to test methods and constructors. Without
 * root it aborts the class: every test in it is reported as skipped, with the reason, never as passed.
 */
public final class LabExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver
{
    /** Why lab tests skip for a non-root user. */
    public static final String SKIP_REASON =
        "SKIPPED: lab tests need root (network namespaces, veth, raw sockets); run them as root, as CI does";

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LabExtension.class);

    @Override
    public void beforeAll(final ExtensionContext context)
    {
        if (!Lab.isRoot())
        {
            System.err.println(context.getDisplayName() + ": " + SKIP_REASON);
            Assumptions.abort(SKIP_REASON);
        }
        final LabTest spec = context.getRequiredTestClass().getAnnotation(LabTest.class);
        final Lab lab = spec != null && spec.simulation() ? Lab.upWithSimulation(spec.simulationSeed()) : Lab.up();
        context.getStore(NS).put(Lab.class, lab);
    }

    @Override
    public void afterAll(final ExtensionContext context)
    {
        final Lab lab = context.getStore(NS).remove(Lab.class, Lab.class);
        if (lab != null)
        {
            lab.close();
        }
    }

    @Override
    public boolean supportsParameter(final ParameterContext parameterContext, final ExtensionContext extensionContext)
    {
        return parameterContext.getParameter().getType() == Lab.class;
    }

    @Override
    public Object resolveParameter(final ParameterContext parameterContext, final ExtensionContext extensionContext)
    {
        final Lab lab = extensionContext.getStore(NS).get(Lab.class, Lab.class);
        if (lab == null)
        {
            throw new IllegalStateException("no lab: LabExtension brings one up in beforeAll");
        }
        return lab;
    }
}
