package io.wamptls.web;

import org.eclipse.jetty.ee10.servlet.ErrorHandler;

/**
 * Error pages that name no server, version or servlet; stack traces only with {@code display_tracebacks}.
 */
final class PlainErrorHandler extends ErrorHandler {

    PlainErrorHandler(boolean displayTracebacks) {
        setShowStacks(displayTracebacks);
        setShowCauses(displayTracebacks);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }
}
