/*
 * Copyright 2026 the stompest for Java authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.stompest.client.jmx;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.NotificationEmitter;
import javax.management.StandardEmitterMBean;

/**
 * An MXBean whose attributes and operations explain themselves: their descriptions come from the
 * {@link Description} annotations of the MXBean interface (on the getter for an attribute), so JConsole's tooltips
 * and {@code MBeanInfo} say what a value means instead of repeating its name. Notifications go through the given
 * emitter.
 */
final class DescribedMXBean<T> extends StandardEmitterMBean {

    private final String beanDescription;
    private final Map<String, String> attributes = new HashMap<>();
    private final Map<String, String> operations = new HashMap<>();

    DescribedMXBean(T implementation, Class<T> mxbeanInterface, NotificationEmitter emitter) {
        super(implementation, mxbeanInterface, true, emitter);
        Description type = mxbeanInterface.getAnnotation(Description.class);
        beanDescription = type == null ? null : type.value();
        for (Method method : mxbeanInterface.getMethods()) {
            Description description = method.getAnnotation(Description.class);
            if (description == null) {
                continue;
            }
            String name = method.getName();
            if (method.getParameterCount() == 0 && name.startsWith("get") && name.length() > 3) {
                attributes.put(name.substring(3), description.value());
            } else if (method.getParameterCount() == 0 && name.startsWith("is") && name.length() > 2) {
                attributes.put(name.substring(2), description.value());
            } else {
                operations.put(name, description.value());
            }
        }
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        return beanDescription != null ? beanDescription : super.getDescription(info);
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        return attributes.getOrDefault(info.getName(), super.getDescription(info));
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        return operations.getOrDefault(info.getName(), super.getDescription(info));
    }
}
