package io.wamptls.websocket;

import io.wamptls.config.WebSocketOptions;
import jakarta.websocket.Extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * permessage-deflate (RFC 7692) as Crossbar's {@code compression.deflate} option has it: off unless configured;
 * an offer is accepted only if it grants what {@code request_no_context_takeover} and
 * {@code request_max_window_bits} ask of the client. The first acceptable offer wins.
 */
final class DeflateNegotiation {
    static final String NAME = "permessage-deflate";

    private DeflateNegotiation() {
    }

    static List<Extension> negotiate(WebSocketOptions.Deflate config, List<Extension> offers) {
        if (config == null) {
            return List.of();
        }
        for (Extension offer : offers) {
            if (!offer.getName().equals(NAME)) {
                continue;
            }
            Map<String, String> params = offer.getParameters().stream()
                    .collect(Collectors.toMap(Extension.Parameter::getName,
                            p -> p.getValue() == null ? "" : p.getValue(), (a, b) -> a));
            if (config.requestNoContextTakeover() && !params.containsKey("client_no_context_takeover")) {
                continue;
            }
            if (config.requestMaxWindowBits() > 0 && !params.containsKey("client_max_window_bits")) {
                continue;
            }
            if (params.containsKey("server_max_window_bits") && !params.get("server_max_window_bits").equals("15")) {
                continue; // java.util.zip always deflates with a 32 KiB window
            }
            List<Extension.Parameter> answer = new ArrayList<>();
            if (config.requestNoContextTakeover()) {
                answer.add(parameter("client_no_context_takeover", null));
            }
            if (config.requestMaxWindowBits() > 0) {
                answer.add(parameter("client_max_window_bits", String.valueOf(config.requestMaxWindowBits())));
            }
            if (config.noContextTakeover() || params.containsKey("server_no_context_takeover")) {
                answer.add(parameter("server_no_context_takeover", null));
            }
            return List.of(new Negotiated(NAME, List.copyOf(answer)));
        }
        return List.of();
    }

    private static Extension.Parameter parameter(String name, String value) {
        return new Parameter(name, value);
    }

    private record Negotiated(String getName, List<Extension.Parameter> getParameters) implements Extension {
    }

    private record Parameter(String getName, String getValue) implements Extension.Parameter {
    }
}
