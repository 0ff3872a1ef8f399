package io.wamptls.web;

import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.Writer;

/**
 * Error pages that name no server, version, servlet or URL: just the status. Stack traces only with
 * {@code display_tracebacks}.
 */
final class PlainErrorHandler extends ErrorHandler {

    PlainErrorHandler(boolean displayTracebacks) {
        setShowStacks(displayTracebacks);
        setShowCauses(displayTracebacks);
        setShowOrigin(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void writeErrorHtmlBody(Request request, Writer writer, int code, String message, Throwable cause)
            throws IOException {
        writer.write("<h1>" + code + " " + HttpStatus.getMessage(code) + "</h1>\n");
        if (isShowStacks()) {
            writeErrorHtmlStacks(request, writer);
        }
    }
}
