package io.wamptls.websocket;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code :protocol} of a CONNECT as Jetty's own request carries it: the Servlet API has no way to ask. Read by
 * reflection, because a web application (the WAR) cannot see Jetty's classes (see {@link JettyCoreFrames}); it can
 * still call public methods on the objects Jetty hands it. The path: {@code ServletApiRequest.getRequest()} (Jetty's
 * core request), {@code getTunnelSupport()}, {@code getProtocol()}.
 */
final class JettyTunnelProtocol {

    private JettyTunnelProtocol() {
    }

    /** @return the protocol, empty text when the CONNECT names none, or empty when the container is not Jetty 12 */
    static Optional<String> of(HttpServletRequest request) {
        ServletRequest unwrapped = request;
        while (unwrapped instanceof ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        try {
            Object tunnel = call(call(unwrapped, "getRequest"), "getTunnelSupport");
            Object protocol = tunnel == null ? null : call(tunnel, "getProtocol");
            return Optional.of(protocol == null ? "" : protocol.toString());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Calls a public method without arguments through a public type that has it: Jetty's tunnel classes are not. */
    private static Object call(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            List<Class<?>> candidates = new ArrayList<>(List.of(type.getInterfaces()));
            candidates.add(0, type);
            for (Class<?> candidate : candidates) {
                if (Modifier.isPublic(candidate.getModifiers())) {
                    try {
                        Method method = candidate.getMethod(name);
                        return method.invoke(target);
                    } catch (NoSuchMethodException notHere) {
                        // a public type that lacks it: look on
                    }
                }
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name + "()");
    }
}
