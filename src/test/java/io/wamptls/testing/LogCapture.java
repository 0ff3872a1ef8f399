package io.wamptls.testing;

import org.eclipse.jetty.logging.JettyLoggerFactory;
import org.eclipse.jetty.logging.StdErrAppender;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Records what Jetty's SLF4J provider prints (one appender for every logger, ours and Jetty's) while open, still
 * passing it on to the console.
 */
public final class LogCapture implements AutoCloseable {
    private static final Pattern LOUD = Pattern.compile(":(INFO|WARN|ERROR) ?:");

    private final StdErrAppender appender;
    private final PrintStream previous;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private LogCapture() {
        JettyLoggerFactory factory = (JettyLoggerFactory) LoggerFactory.getILoggerFactory();
        appender = (StdErrAppender) factory.getJettyLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender();
        previous = appender.getStream();
        PrintStream console = previous != null ? previous : System.err;
        appender.setStream(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
                console.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                captured.write(b, off, len);
                console.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /**
     * {@link #aboveDebug()} after a short wait: a failure is logged after its response is sent, so a test that
     * just read the response would look too early.
     */
    public List<String> aboveDebugOnceSettled() throws InterruptedException {
        Thread.sleep(200);
        return aboveDebug();
    }

    /** Lines logged at INFO, WARN or ERROR, and the lines of any stack trace. */
    public List<String> aboveDebug() {
        return text().lines()
                .filter(line -> LOUD.matcher(line).find() || line.startsWith("\tat ") || line.contains("Exception"))
                .toList();
    }

    @Override
    public void close() {
        appender.setStream(previous);
    }
}
