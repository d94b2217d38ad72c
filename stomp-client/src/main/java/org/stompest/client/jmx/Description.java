package org.stompest.client.jmx;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an MXBean attribute (on its getter) or operation means: the text JConsole shows as its tooltip and
 * {@code MBeanAttributeInfo.getDescription()} returns. {@link DescribedMXBean} reads it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Description {
    String value();
}
