package io.wamptls.websocket;

/** This build's version, from the jar manifest ("development" when run from classes). */
final class Version {

    private Version() {
    }

    static String of(Class<?> anyOfOurs) {
        String version = anyOfOurs.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }
}
