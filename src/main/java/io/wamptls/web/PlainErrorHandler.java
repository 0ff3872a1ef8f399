package io.wamptls.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error pages that name no server, version, servlet, URL or exception: just the status. Stack traces only with
 * {@code display_tracebacks}. The same holds for each format Jetty picks by the {@code Accept} header (HTML, plain
 * text, JSON); Jetty's own plain and JSON pages would print the exception's class and message.
 */
final class PlainErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    PlainErrorHandler(boolean displayTracebacks) {
        setShowStacks(displayTracebacks);
        setShowCauses(displayTracebacks);
        setShowOrigin(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void writeErrorHtmlBody(Request request, Writer writer, int code, String message, Throwable cause)
            throws IOException {
        writer.write("<h1>" + status(code) + "</h1>\n");
        String trace = traceback(cause);
        if (trace != null) {
            writer.write("<pre>");
            write(writer, trace); // escaped
            writer.write("</pre>\n");
        }
    }

    @Override
    protected void writeErrorPlain(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        writer.write(status(code) + "\n");
        String trace = traceback(cause);
        if (trace != null) {
            writer.write(trace);
        }
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", code);
        body.put("message", HttpStatus.getMessage(code));
        String trace = traceback(cause);
        if (trace != null) {
            body.put("traceback", trace);
        }
        try {
            writer.write(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a map of strings as JSON", e);
        }
    }

    private static String status(int code) {
        return code + " " + HttpStatus.getMessage(code);
    }

    /** The stack trace of the failure when {@code display_tracebacks} is on, else null. */
    private String traceback(Throwable cause) {
        if (!isShowStacks() || cause == null) {
            return null;
        }
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
